import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAssignment, createContractorCompany, createContractorPerson, createWorld } from "@/prisma/factories";
import { acceptAssignment, declineAssignment } from "./accept-assignment";
import { assignContractor } from "./assign-contractor";

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e) => (e instanceof AppError ? e.code : Promise.reject(e)),
  );

describe("two people acting on one task at once", () => {
  it("accept and decline race: exactly one wins and the task is consistent", async () => {
    for (let round = 0; round < 5; round++) {
      const world = await createWorld(db);
      const task = await createAssignment(db, {
        workOrderId: world.workOrder.id,
        contractorCompanyId: world.company.id,
      });
      const second = await createContractorPerson(db, world.company.id, "OFFICE");
      const [a, b] = [(await loadDeskActor(world.office.user.id))!, (await loadDeskActor(second.user.id))!];
      const results = await Promise.all([
        outcome(acceptAssignment(a, { assignmentId: task.id })),
        outcome(declineAssignment(b, { assignmentId: task.id, reason: "No capacity" })),
      ]);
      expect(results.filter((r) => r === "OK")).toHaveLength(1);
      const after = await db.assignment.findUniqueOrThrow({ where: { id: task.id } });
      const events = await db.timelineEvent.findMany({
        where: { assignmentId: task.id, type: "assignment.status_changed" },
      });
      expect(events).toHaveLength(1);
      expect(after.status).toBe(results[0] === "OK" ? "ACCEPTED" : "DECLINED");
      expect(after.version).toBe(2);
    }
  });

  it("a second click on accept is answered with the first result", async () => {
    const world = await createWorld(db);
    const task = await createAssignment(db, { workOrderId: world.workOrder.id, contractorCompanyId: world.company.id });
    const desk = (await loadDeskActor(world.office.user.id))!;
    const first = await acceptAssignment(desk, { assignmentId: task.id });
    const again = await acceptAssignment(desk, { assignmentId: task.id });
    expect(again.version).toBe(first.version);
    expect(await db.timelineEvent.count({ where: { assignmentId: task.id } })).toBe(1);
  });

  it("a refused transition changes nothing", async () => {
    const world = await createWorld(db);
    const task = await createAssignment(db, {
      workOrderId: world.workOrder.id,
      contractorCompanyId: world.company.id,
      status: "DECLINED",
    });
    const desk = (await loadDeskActor(world.office.user.id))!;
    expect(await outcome(acceptAssignment(desk, { assignmentId: task.id }))).toBe("INVALID_TRANSITION");
    expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).version).toBe(1);
  });

  it("two staff assigning one work order to different contractors at once: one assignment, one email set", async () => {
    const world = await createWorld(db);
    const rival = await createContractorCompany(db, [world.organisation.id]);
    await createContractorPerson(db, rival.id, "OFFICE");
    const staff = (await loadStaffActor(world.admin.id))!;
    const results = await Promise.all([
      outcome(assignContractor(staff, { workOrderId: world.workOrder.id, contractorCompanyId: world.company.id })),
      outcome(assignContractor(staff, { workOrderId: world.workOrder.id, contractorCompanyId: rival.id })),
    ]);
    expect(results.sort()).toEqual(["CONFLICT", "OK"]);
    expect(await db.assignment.count({ where: { workOrderId: world.workOrder.id } })).toBe(1);
    expect(
      await db.emailOutbox.count({ where: { organisationId: world.organisation.id, template: "task-offered" } }),
    ).toBe(1);
    expect((await db.workOrder.findUniqueOrThrow({ where: { id: world.workOrder.id } })).status).toBe("ASSIGNED");
  });
});
