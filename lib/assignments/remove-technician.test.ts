import { describe, expect, it } from "vitest";
import { loadDeskActor, loadTechActor } from "@/lib/auth/actor";
import { assignmentScope, techWorkScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { createAssignment, createContractorPerson, createWorkOrder, createWorld } from "@/prisma/factories";
import { bulkEditTasks } from "./bulk-edit-tasks";
import { removeTechnician } from "./remove-technician";

async function world(taskCount: number) {
  const w = await createWorld(db);
  const second = await createContractorPerson(db, w.company.id, "TECHNICIAN");
  const tasks = [];
  for (let i = 0; i < taskCount; i++) {
    const wo = await createWorkOrder(db, { organisationId: w.organisation.id, siteId: w.site.id, title: `Job ${i}` });
    const task = await createAssignment(db, {
      workOrderId: wo.id,
      contractorCompanyId: w.company.id,
      status: "SCHEDULED",
    });
    await db.assignmentTechnician.create({ data: { assignmentId: task.id, personId: w.technician.person.id } });
    tasks.push(task);
  }
  return { ...w, second, tasks, desk: (await loadDeskActor(w.office.user.id))! };
}

const removalEmails = (email: string) =>
  db.emailOutbox.findMany({ where: { to: email, template: "technician-removed" } });
const technicianIds = async (assignmentId: string) =>
  (await db.assignmentTechnician.findMany({ where: { assignmentId } })).map((t) => t.personId);

describe("taking a technician off a task", () => {
  it("removes them once, emails them once and records it once, however often it is asked", async () => {
    const w = await world(1);
    const [task] = w.tasks;
    const input = { assignmentId: task.id, personId: w.technician.person.id };
    const results = await Promise.all([removeTechnician(w.desk, input), removeTechnician(w.desk, input)]);
    expect(results.map((r) => r.removed).sort()).toEqual([0, 1]);
    expect(await technicianIds(task.id)).toEqual([]);
    const emails = await removalEmails(w.technician.user.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toMatch(/^You are no longer on #\d+ Job 0 at /);
    const events = await db.timelineEvent.findMany({
      where: { assignmentId: task.id, type: "assignment.technicians_removed" },
    });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ removed: [w.technician.user.name] });
  });

  it("leaves the task off the technician's phone but still takes the work they did on it before", async () => {
    const w = await world(1);
    const [task] = w.tasks;
    const tech = (await loadTechActor(w.technician.user.id))!;
    expect(await db.assignment.count({ where: { ...assignmentScope(tech), id: task.id } })).toBe(1);
    await removeTechnician(w.desk, { assignmentId: task.id, personId: w.technician.person.id });
    expect(await db.assignment.count({ where: { ...assignmentScope(tech), id: task.id } })).toBe(0);
    expect(await db.assignment.count({ where: { ...techWorkScope(tech), id: task.id } })).toBe(1);
    // Another company's technician never could, and still cannot.
    const other = await world(0);
    const stranger = (await loadTechActor(other.technician.user.id))!;
    expect(await db.assignment.count({ where: { ...techWorkScope(stranger), id: task.id } })).toBe(0);
  });

  it("replaces the technicians of many tasks in one edit: the one taken off gets one email listing them", async () => {
    const w = await world(3);
    const result = await bulkEditTasks(w.desk, {
      assignmentIds: w.tasks.map((t) => t.id),
      personId: w.second.person.id,
      technicianMode: "replace",
    });
    expect(result).toMatchObject({ tasks: 3, assigned: 3, removed: 3 });
    for (const task of w.tasks) expect(await technicianIds(task.id)).toEqual([w.second.person.id]);
    const emails = await removalEmails(w.technician.user.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe("You are no longer on 3 tasks");
    const event = await db.timelineEvent.findFirstOrThrow({
      where: { assignmentId: w.tasks[0].id, type: "assignment.technicians_assigned" },
      orderBy: { createdAt: "desc" },
    });
    expect(event.data).toMatchObject({ technicians: [w.second.user.name], removed: [w.technician.user.name] });

    // Removing in bulk someone on none of them changes nothing and emails nobody.
    const again = await bulkEditTasks(w.desk, {
      assignmentIds: w.tasks.map((t) => t.id),
      personId: w.technician.person.id,
      technicianMode: "remove",
    });
    expect(again.removed).toBe(0);
    expect(await removalEmails(w.technician.user.email)).toHaveLength(1);
  });

  it("refuses another company's desk", async () => {
    const w = await world(1);
    const other = await world(0);
    await expect(
      removeTechnician(other.desk, { assignmentId: w.tasks[0].id, personId: w.technician.person.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await technicianIds(w.tasks[0].id)).toEqual([w.technician.person.id]);
  });
});
