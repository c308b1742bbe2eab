import { describe, expect, it } from "vitest";
import { loadDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ZBulkEditTasksSchema, ZCompleteAssignmentSchema, ZScheduleAssignmentSchema } from "@/lib/assignments/schemas";
import { createAssignment, createContractorPerson, createSite, createWorkOrder, createWorld } from "@/prisma/factories";
import { bulkEditTasks } from "./bulk-edit-tasks";
import { completeAssignment } from "./complete-assignment";
import { scheduleAssignment } from "./schedule-assignment";

// The server runs in UTC; the organisation is in Sydney, one of its sites in New York.
async function world() {
  const w = await createWorld(db);
  await db.organisation.update({ where: { id: w.organisation.id }, data: { timezone: "Australia/Sydney" } });
  const newYork = await createSite(db, w.organisation.id, { name: "Fifth Avenue" });
  await db.site.update({ where: { id: newYork.id }, data: { timezone: "America/New_York" } });
  const task = async (siteId: string) => {
    const workOrder = await createWorkOrder(db, { organisationId: w.organisation.id, siteId });
    return createAssignment(db, {
      workOrderId: workOrder.id,
      contractorCompanyId: w.company.id,
      status: "ACCEPTED",
      technicianIds: [w.technician.person.id],
    });
  };
  return {
    ...w,
    desk: (await loadDeskActor(w.office.user.id))!,
    inNewYork: await task(newYork.id),
    inSydney: await task(w.site.id),
  };
}

const schedule = (assignmentId: string, scheduledAt: string, occurrence?: string) =>
  ZScheduleAssignmentSchema.parse({ assignmentId, scheduledAt, occurrence });
const scheduledAt = async (id: string) => (await db.assignment.findUniqueOrThrow({ where: { id } })).scheduledAt;
const fieldErrors = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { fieldErrors?: Record<string, string[]> }) => error.fieldErrors ?? null,
  );

describe("visit times in the site's time zone", () => {
  it("reads a typed visit in its site's zone, else the organisation's", async () => {
    const w = await world();
    await scheduleAssignment(w.desk, schedule(w.inNewYork.id, "2026-07-01T09:00"));
    expect(await scheduledAt(w.inNewYork.id)).toEqual(new Date("2026-07-01T13:00:00Z"));
    await scheduleAssignment(w.desk, schedule(w.inSydney.id, "2026-12-02T10:00"));
    expect(await scheduledAt(w.inSydney.id)).toEqual(new Date("2026-12-01T23:00:00Z"));
  });

  it("refuses a time the clocks skip, and asks which when they pass it twice", async () => {
    const w = await world();
    expect(await fieldErrors(scheduleAssignment(w.desk, schedule(w.inNewYork.id, "2026-03-08T02:30")))).toEqual({
      scheduledAt: [
        "02:30 on Sun 8 Mar 2026 does not exist in New York time: the clocks go forward. Choose another time.",
      ],
    });
    expect(await fieldErrors(scheduleAssignment(w.desk, schedule(w.inNewYork.id, "2026-11-01T01:30")))).toEqual({
      scheduledAt: ["01:30 on Sun 1 Nov 2026 happens twice in New York time: the clocks go back. Choose which below."],
      occurrence: ["Choose the first or the second time"],
    });
    expect(await scheduledAt(w.inNewYork.id)).toBeNull();
    await scheduleAssignment(w.desk, schedule(w.inNewYork.id, "2026-11-01T01:30", "later"));
    expect(await scheduledAt(w.inNewYork.id)).toEqual(new Date("2026-11-01T06:30:00Z"));
  });

  it("a bulk edit gives each task the typed time in its own site's zone, and the email names the zone", async () => {
    const w = await world();
    const second = await createContractorPerson(db, w.company.id, "TECHNICIAN");
    await bulkEditTasks(
      w.desk,
      ZBulkEditTasksSchema.parse({
        assignmentIds: [w.inNewYork.id, w.inSydney.id],
        scheduledAt: "2026-07-01T09:00",
        personId: second.person.id,
      }),
    );
    expect(await scheduledAt(w.inNewYork.id)).toEqual(new Date("2026-07-01T13:00:00Z"));
    expect(await scheduledAt(w.inSydney.id)).toEqual(new Date("2026-06-30T23:00:00Z"));
    const [email] = await db.emailOutbox.findMany({
      where: { to: second.user.email, template: "technician-assigned" },
    });
    expect(email.text).toContain("Wed 1 Jul 2026, 09:00 New York time");
    expect(email.text).toContain("Wed 1 Jul 2026, 09:00 Sydney time");
    // Each visit's own invitation, on its own site's clock.
    const invitations = await db.emailOutbox.findMany({
      where: { to: second.user.email, template: "visit-invitation" },
    });
    expect(invitations.map((e) => e.subject).sort()).toEqual([
      expect.stringContaining("Wed 1 Jul 2026, 09:00–11:00 New York time"),
      expect.stringContaining("Wed 1 Jul 2026, 09:00–11:00 Sydney time"),
    ]);
  });

  it("east of the server, the site's current time is not taken for the future", async () => {
    const w = await world();
    // 10:00 on 2 December in Sydney is 23:00 on 1 December on the server.
    const now = new Date("2026-12-01T23:00:00Z");
    const complete = (actualOnSiteAt: string) =>
      completeAssignment(w.desk, ZCompleteAssignmentSchema.parse({ assignmentId: w.inSydney.id, actualOnSiteAt }), now);
    expect(await fieldErrors(complete("2026-12-02T11:00"))).toEqual({
      actualOnSiteAt: ["The on-site date cannot be in the future"],
    });
    await complete("2026-12-02T09:45");
    expect((await db.assignment.findUniqueOrThrow({ where: { id: w.inSydney.id } })).actualOnSiteAt).toEqual(
      new Date("2026-12-01T22:45:00Z"),
    );
  });
});
