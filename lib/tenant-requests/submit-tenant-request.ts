import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { TRequestMeta } from "@/lib/auth/sign-in-links";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { invalidInput, notFound } from "@/lib/errors";
import { cleanFilename, inspectUpload } from "@/lib/attachments/inspect-upload";
import { consumeRateLimit, rateLimitAddress } from "@/lib/rate-limit";
import { storage } from "@/lib/storage/storage";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { slaDueAt } from "@/lib/work-orders/priorities";
import { issueRequestLink } from "./issue-request-link";
import { requestReference } from "./reference";
import { readRequestForm, type TRequestForm } from "./read-request-form";
import { MAX_REQUEST_PHOTO_BYTES, MAX_REQUEST_PHOTOS } from "./limits";
import type { TTenantRequestInput } from "./schemas";
import { windowInstants } from "./window-instants";

// One building (or office) may share an address: generous per address, strict per email.
const PER_ADDRESS_PER_HOUR = 30;
const PER_EMAIL_PER_HOUR = 5;

export type TSubmittedRequest = { emergencyPhone: string | null; reference: string };

type TCheckedPhoto = { bytes: Uint8Array; filename: string; contentType: string };

// A tenant's request through a form. Everything is checked before anything is written
// (field errors, nothing created); then in one transaction: the tenant as a contact, the
// request with its windows, its work order when the site is known (urgent when an
// emergency question was answered yes), the timeline and the confirmation with the
// tenant's link. A robot that filled the hidden field is answered as if it had worked.
export async function submitTenantRequest(
  formKey: string,
  input: TTenantRequestInput,
  photos: File[],
  meta: TRequestMeta,
  now = presentMoment(),
): Promise<TSubmittedRequest> {
  const form = await readRequestForm(formKey);
  if (!form) throw notFound("Form");
  if (input.website) return { emergencyPhone: null, reference: "received" };
  await consumeRateLimit(`tenant-request:ip:${rateLimitAddress(meta.ip)}`, PER_ADDRESS_PER_HOUR, 3600);
  await consumeRateLimit(`tenant-request:email:${input.email.toLowerCase()}`, PER_EMAIL_PER_HOUR, 3600);

  if (form.kind === "organisation" && !input.address)
    throw invalidInput("Please correct the highlighted fields.", { address: ["Enter the address or postcode"] });
  const trade = input.categoryId ? form.trades.find((t) => t.id === input.categoryId) : null;
  if (input.categoryId && !trade)
    throw invalidInput("Please correct the highlighted fields.", { categoryId: ["Choose a trade from the list"] });
  const emergencyAnswers = (trade?.questions ?? []).map((q) => ({
    question: q.question,
    answer: input.emergencyAnswers[q.id] ?? "no",
  }));
  const emergency = emergencyAnswers.some((a) => a.answer === "yes");
  const windows = windowInstants(input.windows, form.zone, now);
  const checked = await checkPhotos(photos);

  const stored: string[] = [];
  try {
    for (const photo of checked) {
      const key = `tenant-requests/${form.organisation.id}/${randomUUID()}.${photo.filename.split(".").pop()}`;
      await storage().put(key, photo.bytes, photo.contentType);
      stored.push(key);
    }
    return await db.$transaction((tx) =>
      writeRequest(tx, form, { ...input, emergency, emergencyAnswers, windows }, checked, stored, now),
    );
  } catch (error) {
    await Promise.all(
      stored.map((key) =>
        storage()
          .remove(key)
          .catch(() => undefined),
      ),
    );
    throw error;
  }
}

async function checkPhotos(photos: File[]): Promise<TCheckedPhoto[]> {
  const files = photos.filter((p) => p.size > 0);
  if (files.length > MAX_REQUEST_PHOTOS)
    throw invalidInput("Please correct the highlighted fields.", {
      photos: [`Send at most ${MAX_REQUEST_PHOTOS} photos`],
    });
  const checked: TCheckedPhoto[] = [];
  for (const file of files) {
    if (file.size > MAX_REQUEST_PHOTO_BYTES)
      throw invalidInput("Please correct the highlighted fields.", {
        photos: [`${file.name} is over 5 MB: choose a smaller photo`],
      });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const inspected = await inspectUpload(bytes, file.name).catch(() => null);
    if (!inspected?.contentType.startsWith("image/"))
      throw invalidInput("Please correct the highlighted fields.", { photos: [`${file.name} is not a photo`] });
    checked.push({
      bytes,
      filename: cleanFilename(file.name, inspected.extension),
      contentType: inspected.contentType,
    });
  }
  return checked;
}

type TWritable = Omit<TTenantRequestInput, "emergencyAnswers" | "windows"> & {
  emergency: boolean;
  emergencyAnswers: { question: string; answer: string }[];
  windows: { startsAt: Date; endsAt: Date }[];
};

async function writeRequest(
  tx: TTx,
  form: TRequestForm,
  input: TWritable,
  photos: TCheckedPhoto[],
  storageKeys: string[],
  now: Date,
): Promise<TSubmittedRequest> {
  const organisationId = form.organisation.id;
  const email = input.email.toLowerCase();
  // An existing contact keeps what it holds: a public form does not rename anyone.
  const contact = await tx.contact.upsert({
    where: { organisationId_email: { organisationId, email } },
    create: { organisationId, email, name: input.name, mobile: input.mobile, smsConsent: input.smsConsent },
    update: {},
  });
  const request = await tx.tenantRequest.create({
    data: {
      organisationId,
      siteId: form.site?.id ?? null,
      contactId: contact.id,
      state: form.site ? "OPEN" : "UNMATCHED",
      typedAddress: input.address,
      unit: input.unit,
      categoryId: input.categoryId,
      description: input.description,
      permissionToEnter: input.permissionToEnter === "yes",
      accessNotes: input.accessNotes,
      emergency: input.emergency,
      emergencyAnswers: input.emergencyAnswers,
      timezone: form.zone,
      windows: { create: input.windows },
    },
  });
  const workOrderId = form.site ? await openWorkOrder(tx, request.id, now) : null;
  for (const [index, photo] of photos.entries())
    await tx.attachment.create({
      data: {
        organisationId,
        tenantRequestId: request.id,
        workOrderId,
        kind: "PHOTO",
        filename: photo.filename,
        contentType: photo.contentType,
        sizeBytes: photo.bytes.byteLength,
        sha256: createHash("sha256").update(photo.bytes).digest("hex"),
        storageKey: storageKeys[index],
      },
    });
  const url = await issueRequestLink(tx, { id: request.id, organisationId, email }, now);
  const reference = requestReference(request.id);
  await enqueueEmail(tx, {
    to: email,
    organisationId,
    template: "tenant-request-received",
    data: {
      name: input.name,
      clientName: form.organisation.name,
      summary: `${reference}, ${summaryOf(input.description)}`,
      emergencyPhone: input.emergency ? form.organisation.emergencyPhone : null,
      url,
    },
  });
  return { emergencyPhone: input.emergency ? form.organisation.emergencyPhone : null, reference };
}

const summaryOf = (description: string) => {
  const line = description.split("\n")[0].trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
};

// The request's work order, once its site is known (at once from a site's form; when staff
// match it otherwise): marked as the tenant's, urgent for an emergency.
export async function openWorkOrder(tx: TTx, requestId: string, now: Date) {
  const request = await tx.tenantRequest.findUniqueOrThrow({
    where: { id: requestId },
    include: { contact: { select: { name: true } }, category: { select: { name: true } } },
  });
  if (!request.siteId || request.workOrderId) return request.workOrderId;
  const { lastWorkOrderNumber: number } = await tx.organisation.update({
    where: { id: request.organisationId },
    data: { lastWorkOrderNumber: { increment: 1 } },
    select: { lastWorkOrderNumber: true },
  });
  const priority = request.emergency ? "URGENT" : "NORMAL";
  const title = `${request.category ? `${request.category.name}: ` : ""}${summaryOf(request.description)}`;
  const details = [
    request.description,
    request.unit ? `Flat or location: ${request.unit}` : null,
    `Permission to enter: ${request.permissionToEnter ? "yes" : "no"}`,
    request.accessNotes ? `Notes: ${request.accessNotes}` : null,
    ...(request.emergencyAnswers as { question: string; answer: string }[]).map((a) => `${a.question} ${a.answer}`),
  ].filter(Boolean);
  const workOrder = await tx.workOrder.create({
    data: {
      organisationId: request.organisationId,
      number,
      title: title.slice(0, 200),
      description: details.join("\n"),
      siteId: request.siteId,
      categoryId: request.categoryId,
      priority,
      slaDueAt: slaDueAt(priority, now),
      createdAt: now,
    },
  });
  await tx.tenantRequest.update({ where: { id: request.id }, data: { workOrderId: workOrder.id, state: "OPEN" } });
  await tx.attachment.updateMany({ where: { tenantRequestId: request.id }, data: { workOrderId: workOrder.id } });
  await tx.siteContact.upsert({
    where: { siteId_role_contactId: { siteId: request.siteId, role: "TENANT", contactId: request.contactId } },
    create: { siteId: request.siteId, role: "TENANT", contactId: request.contactId },
    update: {},
  });
  await recordEvent(tx, {
    organisationId: request.organisationId,
    workOrderId: workOrder.id,
    actor: { userId: null, label: `${request.contact.name} (tenant)` },
    type: "tenant.request_received",
    data: { emergency: request.emergency },
  });
  return workOrder.id;
}
