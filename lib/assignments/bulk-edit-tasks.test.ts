import { describe, expect, it } from "vitest";
import { loadDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createAssignment, createContractorPerson, createWorkOrder, createWorld } from "@/prisma/factories";
import { bulkEditTasks } from "./bulk-edit-tasks";
import { scheduleAssignment } from "./schedule-assignment";

async function world(taskCount: number) {
  const w = await createWorld(db);
  const second = await createContractorPerson(db, w.company.id, "TECHNICIAN");
  const tasks = [];
  for (let i = 0; i < taskCount; i++) {
    const wo = await createWorkOrder(db, { organisationId: w.organisation.id, siteId: w.site.id, title: `Job ${i}` });
    tasks.push(
      await createAssignment(db, { workOrderId: wo.id, contractorCompanyId: w.company.id, status: "ACCEPTED" }),
    );
  }
  return { ...w, second, tasks, desk: (await loadDeskActor(w.office.user.id))! };
}

const emailsTo = (email: string) => db.emailOutbox.findMany({ where: { to: email, template: "technician-assigned" } });

describe("bulk edit on the Desk", () => {
  it("assigns a technician and a date to many tasks; the technician gets ONE email listing them all", async () => {
    const w = await world(4);
    const when = new Date(Date.now() + 3 * 86_400_000);
    const result = await bulkEditTasks(w.desk, {
      assignmentIds: w.tasks.map((t) => t.id),
      personId: w.technician.person.id,
      scheduledAt: when,
    });
    expect(result).toEqual({ tasks: 4, scheduled: 4, assigned: 4, removed: 0 });
    const emails = await emailsTo(w.technician.user.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toMatch(/^4 new tasks from Org /);
    for (let i = 0; i < 4; i++) expect(emails[0].text).toContain(`Job ${i}`);
    const after = await db.assignment.findMany({
      where: { id: { in: w.tasks.map((t) => t.id) } },
      include: { technicians: true },
    });
    expect(
      after.every(
        (t) => t.status === "SCHEDULED" && t.scheduledAt?.getTime() === when.getTime() && t.technicians.length === 1,
      ),
    ).toBe(true);

    // Again with a second technician: only they are emailed, once; the first is not re-emailed.
    await bulkEditTasks(w.desk, { assignmentIds: w.tasks.map((t) => t.id), personId: w.second.person.id });
    expect(await emailsTo(w.second.user.email)).toHaveLength(1);
    expect(await emailsTo(w.technician.user.email)).toHaveLength(1);
  });

  it("refuses the whole edit when one task belongs to another company, changing nothing", async () => {
    const w = await world(2);
    const other = await world(1);
    await expect(
      bulkEditTasks(w.desk, {
        assignmentIds: [...w.tasks.map((t) => t.id), other.tasks[0].id],
        personId: w.technician.person.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await db.assignmentTechnician.count({
        where: { assignmentId: { in: [...w.tasks, ...other.tasks].map((t) => t.id) } },
      }),
    ).toBe(0);
    expect(await emailsTo(w.technician.user.email)).toHaveLength(0);
  });

  it("refuses another company's technician and a task that cannot be scheduled, changing nothing", async () => {
    const w = await world(2);
    const other = await world(1);
    await expect(
      bulkEditTasks(w.desk, { assignmentIds: w.tasks.map((t) => t.id), personId: other.technician.person.id }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await db.assignment.update({ where: { id: w.tasks[1].id }, data: { status: "COMPLETED" } });
    await expect(
      bulkEditTasks(w.desk, { assignmentIds: w.tasks.map((t) => t.id), scheduledAt: new Date() }),
    ).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect((await db.assignment.findUniqueOrThrow({ where: { id: w.tasks[0].id } })).status).toBe("ACCEPTED");
    expect(await db.timelineEvent.count({ where: { assignmentId: { in: w.tasks.map((t) => t.id) } } })).toBe(0);
  });
});

describe("bulk edit submitted twice", () => {
  it("two identical edits at the same moment change, record and email once; both succeed", async () => {
    const w = await world(5);
    const when = new Date(Date.now() + 2 * 86_400_000);
    const input = { assignmentIds: w.tasks.map((t) => t.id), personId: w.technician.person.id, scheduledAt: when };
    const [first, second] = await Promise.all([bulkEditTasks(w.desk, input), bulkEditTasks(w.desk, input)]);
    expect([first.scheduled + second.scheduled, first.assigned + second.assigned]).toEqual([5, 5]);
    expect(await emailsTo(w.technician.user.email)).toHaveLength(1);
    for (const task of w.tasks) {
      const events = await db.timelineEvent.findMany({ where: { assignmentId: task.id } });
      expect(events.map((e) => e.type)).toEqual(["assignment.status_changed"]);
      expect(events[0].data).toMatchObject({ to: "SCHEDULED", technicians: [w.technician.user.name] });
    }
    // A retry after both finished changes nothing either.
    expect(await bulkEditTasks(w.desk, input)).toEqual({ tasks: 5, scheduled: 0, assigned: 0, removed: 0 });
    expect(await db.timelineEvent.count({ where: { assignmentId: { in: w.tasks.map((t) => t.id) } } })).toBe(5);
  });

  it("the same bulk assign (no date) twice at once assigns and emails once", async () => {
    const w = await world(4);
    const input = { assignmentIds: w.tasks.map((t) => t.id), personId: w.technician.person.id };
    await Promise.all([bulkEditTasks(w.desk, input), bulkEditTasks(w.desk, input), bulkEditTasks(w.desk, input)]);
    expect(await emailsTo(w.technician.user.email)).toHaveLength(1);
    expect(
      await db.timelineEvent.count({
        where: { assignmentId: { in: w.tasks.map((t) => t.id) }, type: "assignment.technicians_assigned" },
      }),
    ).toBe(4);
  });

  it("schedules and assigns in one pass: one version bump and one event per task", async () => {
    const w = await world(3);
    await bulkEditTasks(w.desk, {
      assignmentIds: w.tasks.map((t) => t.id),
      personId: w.technician.person.id,
      scheduledAt: new Date(Date.now() + 86_400_000),
    });
    const after = await db.assignment.findMany({ where: { id: { in: w.tasks.map((t) => t.id) } } });
    expect(after.map((t) => t.version)).toEqual(w.tasks.map((t) => t.version + 1));
    expect(await db.timelineEvent.count({ where: { assignmentId: { in: w.tasks.map((t) => t.id) } } })).toBe(3);
  });

  it("refuses an office person whose role may not plan tasks, as the single-task actions do", async () => {
    const w = await world(1);
    const desk = w.desk;
    const technicianAsDesk = { ...desk, companies: desk.companies.map((c) => ({ ...c, role: "TECHNICIAN" as const })) };
    const input = { assignmentIds: [w.tasks[0].id], scheduledAt: new Date(Date.now() + 86_400_000) };
    await expect(bulkEditTasks(technicianAsDesk, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      scheduleAssignment(technicianAsDesk, { assignmentId: w.tasks[0].id, scheduledAt: input.scheduledAt }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
