import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor, loadTechActor, type TTenantActor } from "@/lib/auth/actor";
import { acceptAssignment } from "@/lib/assignments/accept-assignment";
import { assignContractor } from "@/lib/assignments/assign-contractor";
import { assignTechnicians } from "@/lib/assignments/assign-technicians";
import { planTasks } from "@/lib/assignments/plan-tasks";
import { db } from "@/lib/db";
import { unsealLinkSecrets } from "@/lib/email/link-secrets";
import { bookVisit } from "@/lib/visits/book-visit";
import { listTaskSnapshots } from "@/lib/sync/task-snapshots";
import { createContractorPerson, createStaffUser, createWorld } from "@/prisma/factories";
import { pdfText } from "@/tests/pdf-text";
import { renderRequestPoster } from "./render-request-poster";
import { addEmergencyQuestion, getTenantRequestSettings, removeEmergencyQuestion } from "./tenant-request-settings";
import { EXE_BYTES, PNG_BYTES } from "@/tests/sample-files";
import { cancelTenantRequest } from "./cancel-tenant-request";
import { changeAvailability } from "./change-availability";
import { confirmVisit } from "./confirm-visit";
import { getRequestStatus } from "./get-request-status";
import { matchTenantRequest } from "./match-tenant-request";
import { openRequestLink } from "./open-request-link";
import { ZBookVisitSchema } from "@/lib/visits/schemas";
import { ZChangeAvailabilitySchema, ZTenantRequestSchema } from "./schemas";
import { submitTenantRequest } from "./submit-tenant-request";

const NOW = new Date("2027-06-01T09:00:00Z");
const meta = () => ({ ip: `198.51.100.${Math.floor(Math.random() * 250)}`, userAgent: "Vitest" });

async function setUp() {
  const world = await createWorld(db);
  await db.site.update({ where: { id: world.site.id }, data: { timezone: "Europe/London" } });
  const plumbing = await db.category.create({
    data: { organisationId: world.organisation.id, name: `Plumbing ${world.site.id.slice(-4)}` },
  });
  const question = await db.emergencyQuestion.create({
    data: {
      organisationId: world.organisation.id,
      categoryId: plumbing.id,
      question: "Is water coming through a ceiling?",
    },
  });
  await db.organisation.update({ where: { id: world.organisation.id }, data: { emergencyPhone: "0800 123 4567" } });
  const site = await db.site.findUniqueOrThrow({ where: { id: world.site.id } });
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: world.organisation.id } });
  return { ...world, plumbing, question, siteKey: site.tenantFormKey, orgKey: organisation.tenantFormKey };
}

type TWorld = Awaited<ReturnType<typeof setUp>>;

const form = (w: TWorld, extra: Record<string, string> = {}) => ({
  name: "Tess Tenant",
  email: `tess.${Math.random().toString(36).slice(2)}@example.com`,
  mobile: "07700 900456",
  unit: "Flat 4",
  categoryId: w.plumbing.id,
  description: "The kitchen tap drips all night.",
  "windows.0.day": "2027-06-03",
  "windows.0.from": "09:00",
  "windows.0.to": "12:00",
  "windows.1.day": "2027-06-04",
  "windows.1.from": "14:00",
  "windows.1.to": "17:00",
  permissionToEnter: "yes",
  accessNotes: "A friendly dog",
  smsConsent: "on",
  [`emergency.${w.question.id}`]: "no",
  ...extra,
});

const photo = (bytes: Uint8Array, name: string) => new File([Buffer.from(bytes)], name);

// The tenant's link from their newest email, opened as the tenant would.
async function tenantActor(email: string): Promise<TTenantActor> {
  const [latest] = await db.emailOutbox.findMany({ where: { to: email }, orderBy: { createdAt: "desc" }, take: 1 });
  expect(latest.text).toMatch(/\/r\/\{\{fieldgate-link-0\}\}/);
  const [secret] = unsealLinkSecrets(latest.sealedLinks);
  const opened = await openRequestLink(secret, meta());
  if (!opened.ok) throw new Error("expired");
  return opened.actor;
}

async function submit(w: TWorld, fields: Record<string, string>, photos: File[] = [], key = w.siteKey) {
  return submitTenantRequest(key, ZTenantRequestSchema.parse(fields), photos, meta(), NOW);
}

const errorOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: { code?: string; fieldErrors?: Record<string, string[]> }) => ({ code: e.code, fields: e.fieldErrors }),
  );

describe("the tenant request form", () => {
  it("a site's form makes the work order, keeps the windows on the site's clock and the photo, and emails the tenant a link", async () => {
    const w = await setUp();
    const fields = form(w);
    const result = await submit(w, fields, [photo(PNG_BYTES, "tap.png")]);
    expect(result.emergencyPhone).toBeNull();
    const request = await db.tenantRequest.findFirstOrThrow({
      where: { organisationId: w.organisation.id },
      include: { windows: { orderBy: { startsAt: "asc" } }, workOrder: true, contact: true, attachments: true },
    });
    expect(request).toMatchObject({ state: "OPEN", unit: "Flat 4", permissionToEnter: true, emergency: false });
    expect(request.contact).toMatchObject({ name: "Tess Tenant", mobile: "07700 900456", smsConsent: true });
    // 09:00 and 14:00 in London in June are 08:00 and 13:00 UTC.
    expect(request.windows.map((x) => x.startsAt.toISOString())).toEqual([
      "2027-06-03T08:00:00.000Z",
      "2027-06-04T13:00:00.000Z",
    ]);
    expect(request.workOrder).toMatchObject({ siteId: w.site.id, priority: "NORMAL", categoryId: w.plumbing.id });
    expect(request.attachments).toMatchObject([
      { kind: "PHOTO", contentType: "image/png", workOrderId: request.workOrderId },
    ]);
    const [confirmation] = await db.emailOutbox.findMany({ where: { to: fields.email } });
    expect(confirmation.subject).toContain("received your request");
    const actor = await tenantActor(fields.email);
    expect(await getRequestStatus(actor)).toMatchObject({ stage: "Received", contractorName: null, visit: null });
  });

  it("an emergency answered yes makes it urgent and shows the emergency number at once", async () => {
    const w = await setUp();
    const result = await submit(w, form(w, { [`emergency.${w.question.id}`]: "yes" }));
    expect(result.emergencyPhone).toBe("0800 123 4567");
    const request = await db.tenantRequest.findFirstOrThrow({
      where: { organisationId: w.organisation.id },
      include: { workOrder: true },
    });
    expect(request.workOrder?.priority).toBe("URGENT");
  });

  it("bad input gets field errors and creates nothing", async () => {
    const w = await setUp();
    const bad = ZTenantRequestSchema.safeParse({
      ...form(w),
      email: "not-an-email",
      "windows.0.to": "08:00",
      description: "x",
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["email", "windows.0.to", "description"]));
    const none = ZTenantRequestSchema.safeParse({
      ...form(w),
      "windows.0.day": "",
      "windows.0.from": "",
      "windows.0.to": "",
      "windows.1.day": "",
      "windows.1.from": "",
      "windows.1.to": "",
    });
    expect(none.error!.issues.map((i) => i.path.join("."))).toContain("windows");
    // A window in the past, a time the clocks skip, a file that is not a photo.
    expect(await errorOf(submit(w, form(w, { "windows.0.day": "2027-05-30" })))).toMatchObject({
      fields: { "windows.0.day": [expect.stringContaining("passed")] },
    });
    const skipped = await setUp();
    await db.site.update({ where: { id: skipped.site.id }, data: { timezone: "America/New_York" } });
    expect(
      await errorOf(
        submitTenantRequest(
          skipped.siteKey,
          ZTenantRequestSchema.parse(
            form(skipped, { "windows.0.day": "2028-03-12", "windows.0.from": "02:30", "windows.0.to": "05:00" }),
          ),
          [],
          meta(),
          new Date("2028-03-01T00:00:00Z"),
        ),
      ),
    ).toMatchObject({ fields: { "windows.0.from": [expect.stringContaining("does not exist")] } });
    expect(await errorOf(submit(w, form(w), [photo(EXE_BYTES, "tap.jpg")]))).toMatchObject({
      fields: { photos: [expect.stringContaining("not a photo")] },
    });
    expect(await errorOf(submit(w, form(w, { categoryId: skipped.plumbing.id })))).toMatchObject({
      fields: { categoryId: [expect.any(String)] },
    });
    // A robot that filled the hidden field is thanked and nothing is kept.
    await submit(w, form(w, { website: "http://spam.example" }));
    expect(
      await db.tenantRequest.count({ where: { organisationId: { in: [w.organisation.id, skipped.organisation.id] } } }),
    ).toBe(0);
    expect(
      await db.workOrder.count({ where: { organisationId: w.organisation.id, tenantRequest: { isNot: null } } }),
    ).toBe(0);
  });

  it("a tenant who wants no texts leaves the box unticked and is sent, with no consent kept", async () => {
    const w = await setUp();
    const { smsConsent: _ticked, ...fields } = form(w);
    const result = await submit(w, fields);
    expect(result).toMatchObject({ emergencyPhone: null, reference: expect.stringMatching(/^R-/) });
    const request = await db.tenantRequest.findFirstOrThrow({
      where: { organisationId: w.organisation.id },
      include: { contact: true },
    });
    expect(request.contact).toMatchObject({ mobile: "07700 900456", smsConsent: false });
  });

  it("limits how often one address sends", async () => {
    const w = await setUp();
    const fields = form(w);
    for (let i = 0; i < 5; i++) await submit(w, fields);
    expect(await errorOf(submit(w, fields))).toMatchObject({ code: "RATE_LIMITED" });
    expect(await db.tenantRequest.count({ where: { organisationId: w.organisation.id } })).toBe(5);
  });

  it("the organisation's form needs an address, and waits for staff to match it to a site", async () => {
    const w = await setUp();
    const { address: _none, ...fields } = { ...form(w), address: "" };
    expect(await errorOf(submit(w, fields, [], w.orgKey))).toMatchObject({ fields: { address: [expect.any(String)] } });
    await submit(w, { ...fields, address: "12 Acacia Avenue, LS1 4AP" }, [], w.orgKey);
    const request = await db.tenantRequest.findFirstOrThrow({ where: { organisationId: w.organisation.id } });
    expect(request).toMatchObject({
      state: "UNMATCHED",
      siteId: null,
      workOrderId: null,
      typedAddress: "12 Acacia Avenue, LS1 4AP",
    });
    const staff = (await loadStaffActor(w.admin.id))!;
    const { workOrderId } = await matchTenantRequest(staff, { tenantRequestId: request.id, siteId: w.site.id }, NOW);
    expect(await db.workOrder.findUniqueOrThrow({ where: { id: workOrderId } })).toMatchObject({ siteId: w.site.id });
    expect(
      await errorOf(matchTenantRequest(staff, { tenantRequestId: request.id, siteId: w.site.id }, NOW)),
    ).toMatchObject({
      code: "INVALID_TRANSITION",
    });
    const other = await setUp();
    const otherStaff = (await loadStaffActor(other.admin.id))!;
    expect(
      await errorOf(matchTenantRequest(otherStaff, { tenantRequestId: request.id, siteId: other.site.id }, NOW)),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("booking a tenant's visit", () => {
  async function accepted(photos: File[] = []) {
    const w = await setUp();
    const fields = form(w);
    await submit(w, fields, photos);
    const request = await db.tenantRequest.findFirstOrThrow({ where: { organisationId: w.organisation.id } });
    const staff = (await loadStaffActor(w.admin.id))!;
    const desk = (await loadDeskActor(w.office.user.id))!;
    const task = await assignContractor(staff, {
      workOrderId: request.workOrderId!,
      contractorCompanyId: w.company.id,
    });
    await acceptAssignment(desk, { assignmentId: task.id });
    return { ...w, request, desk, staff, task, tenantEmail: fields.email.toLowerCase() };
  }

  it("inside the tenant's window: booked, the tenant invited with their link; the status link shows it", async () => {
    const w = await accepted();
    const booked = await bookVisit(
      w.desk,
      ZBookVisitSchema.parse({ assignmentId: w.task.id, day: "2027-06-03", from: "09:30", minutes: "120" }),
      NOW,
    );
    expect(booked).toEqual({ outcome: "booked", when: "Thu 3 Jun 2027, 09:30–11:30 London time" });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: w.task.id } })).toMatchObject({ status: "SCHEDULED" });
    const [invitation] = await db.emailOutbox.findMany({ where: { to: w.tenantEmail, template: "visit-invitation" } });
    expect(invitation.text).toContain("Follow my request");
    const actor = await tenantActor(w.tenantEmail);
    expect(await getRequestStatus(actor)).toMatchObject({
      stage: "Visit booked",
      contractorName: w.company.name,
      visit: { status: "BOOKED", needsConfirmation: false, when: "Thu 3 Jun 2027, 09:30–11:30 London time" },
    });
  });

  it("a technician on the task books it from the app, sees the tenant's times on the phone; nobody else's technician can", async () => {
    const w = await accepted([photo(PNG_BYTES, "tap.png")]);
    await assignTechnicians(w.desk, { assignmentId: w.task.id, personIds: [w.technician.person.id] });
    const tech = (await loadTechActor(w.technician.user.id))!;
    const [before] = (await listTaskSnapshots(tech, { now: NOW })).tasks.filter((t) => t.id === w.task.id);
    expect(before.tenant).toMatchObject({
      name: "Tess Tenant",
      unit: "Flat 4",
      permissionToEnter: true,
      windows: [
        { startsAt: "2027-06-03T08:00:00.000Z", endsAt: "2027-06-03T11:00:00.000Z" },
        { startsAt: "2027-06-04T13:00:00.000Z", endsAt: "2027-06-04T16:00:00.000Z" },
      ],
    });
    expect(before.visit).toBeNull();
    expect(before.documents).toEqual([expect.objectContaining({ filename: "tap.png", fromTenant: true })]);

    const input = ZBookVisitSchema.parse({ assignmentId: w.task.id, day: "2027-06-04", from: "14:00", minutes: "90" });
    expect(await bookVisit(tech, input, NOW)).toEqual({
      outcome: "booked",
      when: "Fri 4 Jun 2027, 14:00–15:30 London time",
    });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: w.task.id } })).toMatchObject({ status: "SCHEDULED" });
    expect(await db.emailOutbox.count({ where: { to: w.office.user.email, template: "visit-invitation" } })).toBe(1);
    const [after] = (await listTaskSnapshots(tech, { now: NOW })).tasks.filter((t) => t.id === w.task.id);
    expect(after.visit).toEqual({
      startsAt: "2027-06-04T13:00:00.000Z",
      endsAt: "2027-06-04T14:30:00.000Z",
      awaitingTenant: false,
    });

    // Another technician of the same company, not on the task: not found, nothing changes.
    const colleague = await createContractorPerson(db, w.company.id, "TECHNICIAN");
    const other = (await loadTechActor(colleague.user.id))!;
    await expect(bookVisit(other, { ...input, from: "15:00" }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A technician books; staffing stays the office's.
    await expect(
      db.$transaction((tx) => planTasks(tx, tech, [w.task.id], { personIds: [colleague.person.id] })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.visit.findFirstOrThrow({ where: { assignmentId: w.task.id } })).toMatchObject({ sequence: 0 });
  });

  it("outside the windows: proposed, and booked once the tenant confirms (twice is once)", async () => {
    const w = await accepted();
    const proposed = await bookVisit(
      w.desk,
      ZBookVisitSchema.parse({ assignmentId: w.task.id, day: "2027-06-05", from: "10:00", minutes: "60" }),
      NOW,
    );
    expect(proposed.outcome).toBe("proposed");
    expect(await db.assignment.findUniqueOrThrow({ where: { id: w.task.id } })).toMatchObject({ status: "ACCEPTED" });
    expect(await db.emailOutbox.count({ where: { to: w.tenantEmail, template: "visit-needs-confirmation" } })).toBe(1);
    const actor = await tenantActor(w.tenantEmail);
    const status = await getRequestStatus(actor);
    expect(status).toMatchObject({ stage: "Please confirm the visit", visit: { status: "PROPOSED" } });
    expect(await confirmVisit(actor, { visitId: status.visit!.id }, NOW)).toEqual({ confirmed: true });
    expect(await confirmVisit(actor, { visitId: status.visit!.id }, NOW)).toEqual({ confirmed: false });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: w.task.id } })).toMatchObject({ status: "SCHEDULED" });
    expect(await db.emailOutbox.count({ where: { to: w.tenantEmail, template: "visit-invitation" } })).toBe(1);
    expect(await db.visitReminder.count({ where: { visitId: status.visit!.id, state: "PENDING" } })).toBeGreaterThan(0);
  });

  it("new availability tells the contractor at once, and a booked time outside it needs confirming again", async () => {
    const w = await accepted();
    await bookVisit(
      w.desk,
      ZBookVisitSchema.parse({ assignmentId: w.task.id, day: "2027-06-03", from: "09:30", minutes: "120" }),
      NOW,
    );
    const actor = await tenantActor(w.tenantEmail);
    const result = await changeAvailability(
      actor,
      ZChangeAvailabilitySchema.parse({
        "windows.0.day": "2027-06-08",
        "windows.0.from": "08:00",
        "windows.0.to": "18:00",
      }),
      NOW,
    );
    expect(result).toEqual({ bookedOutside: true });
    const [told] = await db.emailOutbox.findMany({
      where: { to: w.office.user.email, template: "tenant-availability-changed" },
    });
    expect(told.text).toContain("Tue 8 Jun 2027, 08:00–18:00 London time");
    expect(told.text).toContain("Thu 3 Jun 2027, 09:30–11:30 London time is outside these times");
    expect(await getRequestStatus(actor)).toMatchObject({
      stage: "Please confirm the visit",
      windows: [{ text: "Tue 8 Jun 2027, 08:00–18:00 London time" }],
    });
    expect(
      await db.availabilityWindow.count({ where: { tenantRequestId: w.request.id, supersededAt: { not: null } } }),
    ).toBe(2);
  });

  it("the tenant cancels: the visit leaves every calendar, the contractor is told, the work order closes; a link reaches only its own request", async () => {
    const w = await accepted();
    await bookVisit(
      w.desk,
      ZBookVisitSchema.parse({ assignmentId: w.task.id, day: "2027-06-03", from: "09:30", minutes: "120" }),
      NOW,
    );
    const actor = await tenantActor(w.tenantEmail);
    const other = await accepted();
    const otherVisit = await bookVisit(
      other.desk,
      ZBookVisitSchema.parse({ assignmentId: other.task.id, day: "2027-06-05", from: "10:00", minutes: "60" }),
      NOW,
    );
    expect(otherVisit.outcome).toBe("proposed");
    const visitOfOther = await db.visit.findFirstOrThrow({ where: { assignmentId: other.task.id } });
    expect(await errorOf(confirmVisit(actor, { visitId: visitOfOther.id }, NOW))).toMatchObject({ code: "NOT_FOUND" });

    expect(await cancelTenantRequest(actor, { reason: "Fixed it myself" }, NOW)).toEqual({ cancelled: true });
    expect(await cancelTenantRequest(actor, { reason: "Fixed it myself" }, NOW)).toEqual({ cancelled: false });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: w.task.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await db.workOrder.findUniqueOrThrow({ where: { id: w.request.workOrderId! } })).toMatchObject({
      status: "CANCELLED",
    });
    expect(
      await db.emailOutbox.count({ where: { to: w.office.user.email, template: "tenant-request-cancelled" } }),
    ).toBe(1);
    const cancellations = await db.emailOutbox.findMany({
      where: { to: w.tenantEmail, template: "visit-invitation" },
      orderBy: { createdAt: "asc" },
    });
    expect(cancellations.map((e) => e.subject.split(":")[0])).toEqual(["Visit booked", "Visit cancelled"]);
    expect(await getRequestStatus(actor)).toMatchObject({ stage: "Cancelled", cancelled: true });
  });
});

describe("the forms' settings and posters", () => {
  it("a site's poster carries its form's address as text and as a QR code; another organisation's site is not found", async () => {
    const w = await setUp();
    const staff = (await loadStaffActor(w.admin.id))!;
    const bytes = await renderRequestPoster(staff, w.site.id);
    const text = (await pdfText(bytes)).replace(/\s+/g, "");
    expect(text).toContain(`/request/${w.siteKey}`);
    expect(text).toContain("08001234567");
    // The QR code is an image on the page.
    expect(Buffer.from(bytes).toString("latin1")).toMatch(/\/Subtype\s*\/Image/);
    const other = await setUp();
    expect(await errorOf(renderRequestPoster(staff, other.site.id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("managers set the emergency questions; coordinators cannot; a question of another organisation is not found", async () => {
    const w = await setUp();
    const staff = (await loadStaffActor(w.admin.id))!;
    await addEmergencyQuestion(staff, { categoryId: w.plumbing.id, question: "Is the boiler leaking?" });
    const settings = await getTenantRequestSettings(staff);
    const questions = settings.categories.find((c) => c.id === w.plumbing.id)!.emergencyQuestions;
    expect(questions.map((q) => q.question)).toEqual(["Is water coming through a ceiling?", "Is the boiler leaking?"]);
    expect(settings.formUrl).toContain(`/request/${w.orgKey}`);
    const coordinator = (await loadStaffActor((await createStaffUser(db, w.organisation.id, "COORDINATOR")).id))!;
    expect(
      await errorOf(addEmergencyQuestion(coordinator, { categoryId: w.plumbing.id, question: "Anything?" })),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    const other = await setUp();
    const otherStaff = (await loadStaffActor(other.admin.id))!;
    expect(await errorOf(removeEmergencyQuestion(otherStaff, { questionId: questions[0].id }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      await errorOf(addEmergencyQuestion(otherStaff, { categoryId: w.plumbing.id, question: "Is it raining in?" })),
    ).toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
