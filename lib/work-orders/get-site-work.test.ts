import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createServiceTasks,
  createWorld,
} from "@/prisma/factories";
import { getSiteWork } from "./get-site-work";

describe("work on site, for review", () => {
  it("staff see every visit of their work order; a contractor only its own task's; nobody else anything", async () => {
    const world = await createWorld(db);
    await createServiceTasks(db, world.workOrder);
    const earlierCompany = await createContractorCompany(db, [world.organisation.id]);
    const earlierOffice = await createContractorPerson(db, earlierCompany.id, "OFFICE");
    const earlier = await createAssignment(db, {
      workOrderId: world.workOrder.id,
      contractorCompanyId: earlierCompany.id,
      status: "CANCELLED",
    });
    const current = await createAssignment(db, {
      workOrderId: world.workOrder.id,
      contractorCompanyId: world.company.id,
      status: "IN_PROGRESS",
    });
    for (const task of [earlier, current]) {
      await db.checkIn.create({
        data: {
          organisationId: world.organisation.id,
          assignmentId: task.id,
          userId: world.technician.user.id,
          deviceAt: new Date(),
        },
      });
    }
    const staff = (await loadStaffActor(world.admin.id))!;
    const desk = (await loadDeskActor(world.office.user.id))!;
    const stranger = await createWorld(db);

    const forStaff = await getSiteWork(staff, { workOrderId: world.workOrder.id });
    expect(forStaff?.serviceTasks).toHaveLength(3);
    expect(forStaff?.visits.map((v) => v.id).sort()).toEqual([earlier.id, current.id].sort());
    const forDesk = await getSiteWork(desk, { assignmentId: current.id });
    expect(forDesk?.visits.map((v) => v.id)).toEqual([current.id]);
    expect(forDesk?.serviceTasks).toHaveLength(3);

    expect(await getSiteWork(desk, { assignmentId: earlier.id })).toBeNull();
    expect(await getSiteWork((await loadDeskActor(earlierOffice.user.id))!, { assignmentId: current.id })).toBeNull();
    const otherStaff = (await loadStaffActor(stranger.admin.id))!;
    const leaked = await getSiteWork(otherStaff, { workOrderId: world.workOrder.id });
    expect(leaked?.visits ?? []).toEqual([]);
    expect(leaked?.serviceTasks ?? []).toEqual([]);
  });
});
