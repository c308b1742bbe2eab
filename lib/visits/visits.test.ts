import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { acceptAssignment } from "@/lib/assignments/accept-assignment";
import { assignContractor } from "@/lib/assignments/assign-contractor";
import { assignTechnicians } from "@/lib/assignments/assign-technicians";
import { bulkEditTasks } from "@/lib/assignments/bulk-edit-tasks";
import { cancelAssignment } from "@/lib/assignments/cancel-assignment";
import { scheduleAssignment } from "@/lib/assignments/schedule-assignment";
import { db } from "@/lib/db";
import { createContractorPerson, createWorld } from "@/prisma/factories";
import { queuedJobs, runDueJobs } from "@/tests/jobs";
import { sendVisitReminders } from "./send-visit-reminders";

const remindTask = {
  "visit.remind": async (payload: unknown) => {
    await sendVisitReminders(payload as Parameters<typeof sendVisitReminders>[0]);
  },
};

// A task accepted by the contractor, with one technician who takes texts, on a site in `zone`.
async function setUp(zone: string, options: { dayBeforeHour?: number } = {}) {
  const world = await createWorld(db);
  await db.site.update({ where: { id: world.site.id }, data: { timezone: zone } });
  if (options.dayBeforeHour !== undefined)
    await db.organisation.update({
      where: { id: world.organisation.id },
      data: { dayBeforeReminderHour: options.dayBeforeHour },
    });
  await db.user.update({ where: { id: world.technician.user.id }, data: { mobile: "07700 900123", smsConsent: true } });
  // A number of its own per world, so opt-outs of one test do not reach another.
  const mobile = `+4477009${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}`;
  await db.user.update({ where: { id: world.technician.user.id }, data: { mobile } });
  const staff = (await loadStaffActor(world.admin.id))!;
  const desk = (await loadDeskActor(world.office.user.id))!;
  const { id: assignmentId } = await assignContractor(staff, {
    workOrderId: world.workOrder.id,
    contractorCompanyId: world.company.id,
  });
  await acceptAssignment(desk, { assignmentId });
  await assignTechnicians(desk, { assignmentId, personIds: [world.technician.person.id] });
  return { ...world, staff, desk, assignmentId, mobile };
}

type TWorld = Awaited<ReturnType<typeof setUp>>;

const invitations = (to: string) =>
  db.emailOutbox.findMany({ where: { to, template: "visit-invitation" }, orderBy: { createdAt: "asc" } });

// The .ics of an invitation, read by an iCalendar parser.
function readInvitation(email: { attachments: unknown }) {
  const [attachment] = email.attachments as { filename: string; contentType: string; content: string }[];
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment.content, "base64").toString("utf8")));
  const event = calendar.getFirstSubcomponent("vevent")!;
  const start = event.getFirstProperty("dtstart")!;
  return {
    contentType: attachment.contentType,
    method: calendar.getFirstPropertyValue("method"),
    zone: calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    status: event.getFirstPropertyValue("status"),
    startZone: start.getParameter("tzid"),
    startLocal: (start.getFirstValue() as ICAL.Time).toString(),
  };
}

const reminders = (visitId: string) =>
  db.visitReminder.findMany({
    where: { visitId },
    orderBy: [{ visitSequence: "asc" }, { kind: "asc" }, { recipient: "asc" }],
  });

async function book(w: TWorld, at: string) {
  await scheduleAssignment(w.desk, { assignmentId: w.assignmentId, scheduledAt: new Date(at) });
  return db.visit.findFirstOrThrow({ where: { assignmentId: w.assignmentId }, orderBy: { createdAt: "desc" } });
}

describe("visits and their calendar invitations", () => {
  it("books a visit with an invitation on the site's clock, and a reschedule updates the same event", async () => {
    const w = await setUp("America/New_York");
    const visit = await book(w, "2027-06-15T13:00:00Z");
    expect(visit).toMatchObject({ status: "BOOKED", sequence: 0, timezone: "America/New_York" });
    expect(visit.endsAt.getTime() - visit.startsAt.getTime()).toBe(2 * 3600_000);
    const [first] = await invitations(w.technician.user.email);
    expect(first.subject).toBe(
      `Visit booked: #${w.workOrder.number} ${w.workOrder.title}, Tue 15 Jun 2027, 09:00–11:00 New York time`,
    );
    expect(readInvitation(first)).toEqual({
      contentType: "text/calendar; charset=utf-8; method=REQUEST",
      method: "REQUEST",
      zone: "America/New_York",
      uid: visit.uid,
      sequence: 0,
      status: "CONFIRMED",
      startZone: "America/New_York",
      startLocal: "2027-06-15T09:00:00",
    });
    expect(await invitations(w.office.user.email)).toHaveLength(1);

    const moved = await book(w, "2027-06-16T18:00:00Z");
    expect(moved.id).toBe(visit.id);
    const [, second] = await invitations(w.technician.user.email);
    expect(second.subject).toContain("Visit moved");
    expect(second.text).toContain(
      "from Tue 15 Jun 2027, 09:00–11:00 New York time to Wed 16 Jun 2027, 14:00–16:00 New York time",
    );
    expect(readInvitation(second)).toMatchObject({
      method: "REQUEST",
      uid: visit.uid,
      sequence: 1,
      startLocal: "2027-06-16T14:00:00",
    });

    // The same time again changes nothing and sends nothing.
    await book(w, "2027-06-16T18:00:00Z");
    expect(await invitations(w.technician.user.email)).toHaveLength(2);

    await cancelAssignment(w.staff, { assignmentId: w.assignmentId, reason: "The tenant fixed it" });
    const [, , cancelled] = await invitations(w.technician.user.email);
    expect(cancelled.subject).toContain("Visit cancelled");
    expect(readInvitation(cancelled)).toMatchObject({
      method: "CANCEL",
      uid: visit.uid,
      sequence: 2,
      status: "CANCELLED",
    });
    expect((await reminders(visit.id)).every((r) => r.state === "CANCELLED")).toBe(true);
  });

  it("a technician added to a booked task gets the invitation and the reminders; one taken off gets the cancellation", async () => {
    const w = await setUp("Europe/London");
    const visit = await book(w, "2027-06-15T09:00:00Z");
    const second = await createContractorPerson(db, w.company.id, "TECHNICIAN");
    await assignTechnicians(w.desk, { assignmentId: w.assignmentId, personIds: [second.person.id] });
    const [joined] = await invitations(second.user.email);
    expect(readInvitation(joined)).toMatchObject({ uid: visit.uid, method: "REQUEST" });
    expect((await reminders(visit.id)).filter((r) => r.recipient === second.user.email.toLowerCase())).toHaveLength(2);
  });

  it("a technician replaced as the visit moves gets the cancellation; the new one the moved invitation", async () => {
    const w = await setUp("Europe/London");
    const visit = await book(w, "2027-06-15T09:00:00Z");
    const second = await createContractorPerson(db, w.company.id, "TECHNICIAN");
    await bulkEditTasks(w.desk, {
      assignmentIds: [w.assignmentId],
      personId: second.person.id,
      technicianMode: "replace",
      scheduledAt: new Date("2027-06-16T09:00:00Z"),
    });
    const [, cancelled] = await invitations(w.technician.user.email);
    expect(readInvitation(cancelled)).toMatchObject({ uid: visit.uid, method: "CANCEL", sequence: 0 });
    const [moved] = await invitations(second.user.email);
    expect(readInvitation(moved)).toMatchObject({
      uid: visit.uid,
      method: "REQUEST",
      startLocal: "2027-06-16T10:00:00",
    });
    const pending = (await reminders(visit.id)).filter((r) => r.state === "PENDING");
    expect(pending.some((r) => r.recipient === w.technician.user.email.toLowerCase())).toBe(false);
    expect(pending.filter((r) => r.recipient === second.user.email.toLowerCase())).toHaveLength(2);
  });
});

describe("visit reminders", () => {
  it("are sent the day before at the organisation's hour and at 07:00, across a clock change, in London", async () => {
    // The clocks go forward in London on Sunday 28 March 2027.
    const w = await setUp("Europe/London");
    const visit = await book(w, "2027-03-29T08:00:00Z"); // Monday 09:00 BST
    const rows = await reminders(visit.id);
    expect(rows.map((r) => `${r.kind} ${r.channel} ${r.dueAt.toISOString()}`).sort()).toEqual(
      [
        "DAY_BEFORE EMAIL 2027-03-28T17:00:00.000Z", // office, Sunday 18:00 BST
        "DAY_BEFORE EMAIL 2027-03-28T17:00:00.000Z", // technician
        "DAY_BEFORE SMS 2027-03-28T17:00:00.000Z",
        "MORNING EMAIL 2027-03-29T06:00:00.000Z", // Monday 07:00 BST
        "MORNING EMAIL 2027-03-29T06:00:00.000Z",
        "MORNING SMS 2027-03-29T06:00:00.000Z",
      ].sort(),
    );
    const jobs = (await queuedJobs("visit.remind")).filter((j) => j.key?.startsWith(`visit-remind:${visit.id}`));
    expect(jobs.map((j) => j.run_at.toISOString()).sort()).toEqual([
      "2027-03-28T17:00:00.000Z",
      "2027-03-29T06:00:00.000Z",
    ]);

    await runDueJobs(new Date("2027-03-28T16:59:00Z"), remindTask);
    expect(await db.emailOutbox.count({ where: { to: w.technician.user.email, template: "visit-reminder" } })).toBe(0);
    await runDueJobs(new Date("2027-03-28T17:00:30Z"), remindTask);
    const [tomorrow] = await db.emailOutbox.findMany({
      where: { to: w.technician.user.email, template: "visit-reminder" },
    });
    expect(tomorrow.subject).toBe(
      `Reminder: visit tomorrow, Mon 29 Mar 2027, 09:00–11:00 London time: #${w.workOrder.number} ${w.workOrder.title}`,
    );
    const [text] = await db.smsOutbox.findMany({ where: { to: w.mobile } });
    expect(text.body).toContain("tomorrow 09:00-11:00");
    await runDueJobs(new Date("2027-03-29T06:00:30Z"), remindTask);
    expect(await db.emailOutbox.count({ where: { to: w.technician.user.email, template: "visit-reminder" } })).toBe(2);
    expect((await reminders(visit.id)).every((r) => r.state === "SENT")).toBe(true);
  });

  it("keeps the local hours in New York when the clocks go forward the night before", async () => {
    // New York goes forward on Sunday 14 March 2027.
    const w = await setUp("America/New_York");
    const visit = await book(w, "2027-03-14T14:00:00Z"); // Sunday 10:00 EDT
    const due = (await reminders(visit.id)).filter((r) => r.channel === "EMAIL" && r.recipientRole === "TECHNICIAN");
    // Saturday 18:00 EST (UTC-5) and Sunday 07:00 EDT (UTC-4).
    expect(due.map((r) => r.dueAt.toISOString())).toEqual(["2027-03-13T23:00:00.000Z", "2027-03-14T11:00:00.000Z"]);
  });

  it("never sends for a time that no longer stands: a reschedule cancels the pending ones and plans new ones", async () => {
    const w = await setUp("Europe/London");
    const visit = await book(w, "2027-06-15T09:00:00Z");
    await book(w, "2027-06-22T09:00:00Z");
    const rows = await reminders(visit.id);
    expect(rows.filter((r) => r.visitSequence === 0).every((r) => r.state === "CANCELLED")).toBe(true);
    expect(rows.filter((r) => r.visitSequence === 1 && r.state === "PENDING")).toHaveLength(6);
    // The old day-before time comes and goes: nothing is sent.
    await runDueJobs(new Date("2027-06-14T17:00:30Z"), remindTask);
    // Even a job left from the old version, run by hand, finds nothing to send.
    expect(await sendVisitReminders({ visitId: visit.id, sequence: 0, kind: "DAY_BEFORE" })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: w.technician.user.email, template: "visit-reminder" } })).toBe(0);
  });

  it("sends each reminder once with two runners at the same time and a retry", async () => {
    const w = await setUp("Europe/London");
    const visit = await book(w, "2027-06-15T09:00:00Z");
    const job = { visitId: visit.id, sequence: 0, kind: "DAY_BEFORE" as const };
    const at = new Date("2027-06-14T17:00:10Z");
    const sent = await Promise.all([sendVisitReminders(job, at), sendVisitReminders(job, at)]);
    expect(sent.sort()).toEqual([0, 3]);
    expect(await sendVisitReminders(job, at)).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: w.technician.user.email, template: "visit-reminder" } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { to: w.office.user.email, template: "visit-reminder" } })).toBe(1);
    expect(await db.smsOutbox.count({ where: { to: w.mobile } })).toBe(1);
  });

  it("a visit before 07:00 gets one reminder, the day before", async () => {
    const w = await setUp("Europe/London");
    const early = await book(w, "2027-06-15T04:30:00Z"); // 05:30 BST
    expect([...new Set((await reminders(early.id)).map((r) => r.kind))]).toEqual(["DAY_BEFORE"]);
  });

  it("skips the reminders of a visit whose work is already under way", async () => {
    const w = await setUp("Europe/London");
    const visit = await book(w, "2027-06-15T09:00:00Z");
    await db.assignment.update({ where: { id: w.assignmentId }, data: { status: "IN_PROGRESS" } });
    expect(
      await sendVisitReminders(
        { visitId: visit.id, sequence: 0, kind: "DAY_BEFORE" },
        new Date("2027-06-14T17:00:05Z"),
      ),
    ).toBe(0);
    const rows = (await reminders(visit.id)).filter((r) => r.kind === "DAY_BEFORE");
    expect(rows.every((r) => r.state === "SKIPPED" && r.note?.includes("under way"))).toBe(true);
    expect(await db.emailOutbox.count({ where: { to: w.technician.user.email, template: "visit-reminder" } })).toBe(0);
  });

  it("texts only outside quiet hours and never an opted-out number; the email goes anyway", async () => {
    const w = await setUp("Europe/London", { dayBeforeHour: 22 });
    const visit = await book(w, "2027-06-15T09:00:00Z");
    await sendVisitReminders({ visitId: visit.id, sequence: 0, kind: "DAY_BEFORE" }, new Date("2027-06-14T21:00:05Z"));
    const rows = await reminders(visit.id);
    const text = rows.find((r) => r.kind === "DAY_BEFORE" && r.channel === "SMS")!;
    expect(text).toMatchObject({ state: "SKIPPED", note: expect.stringContaining("quiet hours") });
    expect(await db.emailOutbox.count({ where: { to: w.technician.user.email, template: "visit-reminder" } })).toBe(1);

    await db.smsOptOut.create({ data: { phone: w.mobile, source: "STOP" } });
    await sendVisitReminders({ visitId: visit.id, sequence: 0, kind: "MORNING" }, new Date("2027-06-15T06:00:05Z"));
    const morning = (await reminders(visit.id)).find((r) => r.kind === "MORNING" && r.channel === "SMS")!;
    expect(morning).toMatchObject({ state: "SKIPPED", note: expect.stringContaining("opted out") });
    expect(await db.smsOutbox.count({ where: { to: w.mobile } })).toBe(0);
  });
});
