import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { assertStaffCan } from "@/lib/authz/permissions";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, notFound } from "@/lib/errors";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { issueQuoteLink } from "./issue-quote-link";
import { quotePhase } from "./quote-phase";

const FIELDS = { scope: "Scope", requirements: "Requirements" } as const;
type TField = keyof typeof FIELDS;
export type TQuoteRequestChange = { field: TField | "documents"; label: string; before: string; after: string };

const excerpt = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}…` : text || "(none)");

// Staff change what a sent request asks for (scope, requirements) while answers may still
// come. The request takes a new version with the change kept field by field; every
// invitee that has not declined is emailed what changed, and answers given before read
// "given for an earlier version" until their bidder confirms or revises them. The same
// text again changes nothing.
export async function reviseQuoteRequest(
  actor: TStaffActor,
  input: { quoteRequestId: string; scope: string; requirements: string },
  now = presentMoment(),
) {
  assertStaffCan(actor, "quote.send");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "QuoteRequest" WHERE id = ${input.quoteRequestId} AND "organisationId" = ${actor.organisationId} FOR UPDATE`;
    const request = await tx.quoteRequest.findFirst({
      where: { id: input.quoteRequestId, organisationId: actor.organisationId },
      include: {
        workOrder: { select: { title: true } },
        invitations: { where: { status: { not: "DECLINED" } }, select: { id: true, email: true } },
      },
    });
    if (!request) throw notFound("Request for quote");
    if (quotePhase(request, now) !== "open")
      throw new AppError("CONFLICT", "A request can be changed only while answers may still come.");
    const changes: TQuoteRequestChange[] = (Object.keys(FIELDS) as TField[])
      .filter((field) => request[field] !== input[field])
      .map((field) => ({ field, label: FIELDS[field], before: request[field], after: input[field] }));
    if (changes.length === 0) return request;
    const updated = await tx.quoteRequest.update({
      where: { id: request.id },
      data: { scope: input.scope, requirements: input.requirements },
    });
    await publishRequestChange(tx, actor, request, changes, now);
    return { ...updated, version: request.version + 1 };
  });
}

type TChangedRequest = {
  id: string;
  version: number;
  deadline: Date;
  workOrderId: string;
  workOrder: { title: string };
  invitations: { id: string; email: string }[];
};

// A change to a sent request, in the caller's transaction (the request locked): a new
// version with the change kept field by field, every invitee given emailed what changed
// with a link, and the timeline told.
export async function publishRequestChange(
  tx: TTx,
  actor: TStaffActor,
  request: TChangedRequest,
  changes: TQuoteRequestChange[],
  now: Date,
) {
  const version = request.version + 1;
  await tx.quoteRequest.update({ where: { id: request.id }, data: { version } });
  await tx.quoteRequestChange.create({
    data: {
      quoteRequestId: request.id,
      version,
      changes,
      changedById: actor.userId,
      changedByName: actor.name,
      createdAt: now,
    },
  });
  for (const invitation of request.invitations)
    await enqueueEmail(tx, {
      to: invitation.email,
      organisationId: actor.organisationId,
      template: "quote-request-revised",
      data: {
        clientName: actor.organisationName,
        title: request.workOrder.title,
        changes: changes.map((c) => `${c.label}, now: “${excerpt(c.after)}” (was: “${excerpt(c.before)}”)`),
        url: await issueQuoteLink(tx, actor.organisationId, invitation, request.deadline),
      },
    });
  await recordEvent(tx, {
    organisationId: actor.organisationId,
    workOrderId: request.workOrderId,
    actor: { userId: actor.userId, label: actor.name },
    type: "quote.request_changed",
    data: { version, fields: changes.map((c) => c.label) },
  });
}
