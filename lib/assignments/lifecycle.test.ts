import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { archiveWorkOrder } from "@/lib/work-orders/archive-work-order";
import { createContractorCompany, createContractorPerson, createWorld } from "@/prisma/factories";
import { acceptAssignment } from "./accept-assignment";
import { assignContractor, reassignContractor } from "./assign-contractor";
import { cancelAssignment } from "./cancel-assignment";
import { completeAssignment } from "./complete-assignment";
import { getDeskTask } from "./get-desk-task";
import { reviewAssignment } from "./review-assignment";
import { scheduleAssignment } from "./schedule-assignment";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e) => (e instanceof AppError ? e.code : Promise.reject(e)),
  );

async function setUp() {
  const world = await createWorld(db);
  const staff = (await loadStaffActor(world.admin.id))!;
  const desk = (await loadDeskActor(world.office.user.id))!;
  const task = await assignContractor(staff, {
    workOrderId: world.workOrder.id,
    contractorCompanyId: world.company.id,
  });
  return { world, staff, desk, task };
}

const statusOf = async (id: string) => (await db.assignment.findUniqueOrThrow({ where: { id } })).status;
const workOrderStatusOf = async (id: string) => (await db.workOrder.findUniqueOrThrow({ where: { id } })).status;

describe("work order lifecycle", () => {
  it("offer → accept → schedule → complete → send back → complete → review → archive, each on the timeline", async () => {
    const { world, staff, desk, task } = await setUp();
    await acceptAssignment(desk, { assignmentId: task.id });
    await scheduleAssignment(desk, { assignmentId: task.id, scheduledAt: new Date(Date.now() + 86_400_000) });
    expect(await statusOf(task.id)).toBe("SCHEDULED");
    await completeAssignment(desk, { assignmentId: task.id, actualOnSiteAt: new Date() });
    expect(await statusOf(task.id)).toBe("COMPLETED");
    expect(await workOrderStatusOf(world.workOrder.id)).toBe("AWAITING_REVIEW");
    await reviewAssignment(staff, {
      assignmentId: task.id,
      decision: "sendBack",
      reason: "Photos of the meter missing",
    });
    expect(await statusOf(task.id)).toBe("IN_PROGRESS");
    await completeAssignment(desk, { assignmentId: task.id, actualOnSiteAt: new Date() });
    await reviewAssignment(staff, { assignmentId: task.id, decision: "accept" });
    expect(await statusOf(task.id)).toBe("REVIEWED");
    expect(await workOrderStatusOf(world.workOrder.id)).toBe("COMPLETED");
    await archiveWorkOrder(staff, world.workOrder.id);
    // Contractors keep read access after the client archives the work order.
    expect((await getDeskTask(desk, task.id)).workOrder.archivedAt).not.toBeNull();
    const events = await db.timelineEvent.findMany({
      where: { workOrderId: world.workOrder.id },
      orderBy: { createdAt: "asc" },
    });
    // Each completion drafts (then updates) the contractor's invoice, in the same step.
    expect(events.filter((e) => e.type.startsWith("invoice.")).map((e) => e.type)).toEqual([
      "invoice.drafted",
      "invoice.redrafted",
    ]);
    expect(events.filter((e) => !e.type.startsWith("invoice.")).map((e) => e.type)).toEqual([
      "assignment.offered",
      "assignment.status_changed",
      "assignment.status_changed",
      "assignment.status_changed",
      "assignment.status_changed",
      "assignment.status_changed",
      "assignment.status_changed",
      "work_order.archived",
    ]);
    expect(events.find((e) => (e.data as { reason?: string }).reason)?.data).toMatchObject({
      reason: "Photos of the meter missing",
      to: "IN_PROGRESS",
    });
  });

  it("refuses moves the state machine does not allow, changing nothing", async () => {
    const { world, staff, desk, task } = await setUp();
    expect(await code(reviewAssignment(staff, { assignmentId: task.id, decision: "accept" }))).toBe(
      "INVALID_TRANSITION",
    );
    expect(await code(scheduleAssignment(desk, { assignmentId: task.id, scheduledAt: new Date() }))).toBe(
      "INVALID_TRANSITION",
    );
    expect(await code(archiveWorkOrder(staff, world.workOrder.id))).toBe("INVALID_TRANSITION");
    expect(await statusOf(task.id)).toBe("OFFERED");
    expect(await db.timelineEvent.count({ where: { assignmentId: task.id, type: "assignment.status_changed" } })).toBe(
      0,
    );
  });

  it("reassigning withdraws the task from the first contractor (who is emailed why) and offers it to the second", async () => {
    const { world, staff, desk, task } = await setUp();
    await acceptAssignment(desk, { assignmentId: task.id });
    const second = await createContractorCompany(db, [world.organisation.id]);
    const secondOffice = await createContractorPerson(db, second.id, "OFFICE");
    const next = await reassignContractor(staff, {
      workOrderId: world.workOrder.id,
      contractorCompanyId: second.id,
      reason: "Needs a gas engineer",
    });
    expect(await statusOf(task.id)).toBe("CANCELLED");
    expect(next.status).toBe("OFFERED");
    expect(await workOrderStatusOf(world.workOrder.id)).toBe("ASSIGNED");
    const withdrawn = await db.emailOutbox.findFirstOrThrow({
      where: { to: world.office.user.email, template: "task-cancelled" },
    });
    expect(withdrawn.text).toContain("Needs a gas engineer");
    expect(await db.emailOutbox.count({ where: { to: secondOffice.user.email, template: "task-offered" } })).toBe(1);
    // The first contractor still reads its (cancelled) task but can no longer act on it.
    expect((await getDeskTask(desk, task.id)).status).toBe("CANCELLED");
    expect(await code(completeAssignment(desk, { assignmentId: task.id, actualOnSiteAt: new Date() }))).toBe(
      "INVALID_TRANSITION",
    );
  });

  it("reassign refuses the same contractor and a work order with no contractor", async () => {
    const { world, staff } = await setUp();
    expect(
      await code(
        reassignContractor(staff, {
          workOrderId: world.workOrder.id,
          contractorCompanyId: world.company.id,
          reason: "again",
        }),
      ),
    ).toBe("INVALID_INPUT");
    const live = await db.assignment.findFirstOrThrow({ where: { workOrderId: world.workOrder.id } });
    await cancelAssignment(staff, { assignmentId: live.id, reason: "No longer needed" });
    expect(await workOrderStatusOf(world.workOrder.id)).toBe("OPEN");
    expect(
      await code(
        reassignContractor(staff, {
          workOrderId: world.workOrder.id,
          contractorCompanyId: world.company.id,
          reason: "again",
        }),
      ),
    ).toBe("CONFLICT");
  });

  it("a contractor cannot review its own work, and staff of another organisation cannot touch the task", async () => {
    const { desk, task } = await setUp();
    await acceptAssignment(desk, { assignmentId: task.id });
    await completeAssignment(desk, { assignmentId: task.id, actualOnSiteAt: new Date() });
    const other = await createWorld(db);
    const otherStaff = (await loadStaffActor(other.admin.id))!;
    expect(await code(reviewAssignment(otherStaff, { assignmentId: task.id, decision: "accept" }))).toBe("NOT_FOUND");
    expect(await code(cancelAssignment(otherStaff, { assignmentId: task.id, reason: "mine now" }))).toBe("NOT_FOUND");
    expect(await statusOf(task.id)).toBe("COMPLETED");
  });
});
