import { describe, expect, it } from "vitest";
import { loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createAssignment, createWorkOrder, createWorld } from "@/prisma/factories";
import { bulkEditWorkOrders } from "./bulk-edit-work-orders";
import { ZBulkEditWorkOrdersSchema } from "./schemas";

async function world(count: number) {
  const w = await createWorld(db);
  const workOrders = [];
  for (let i = 0; i < count; i++)
    workOrders.push(
      await createWorkOrder(db, { organisationId: w.organisation.id, siteId: w.site.id, title: `Job ${i}` }),
    );
  return { ...w, workOrders, staff: (await loadStaffActor(w.admin.id))! };
}
const ids = (list: { id: string }[]) => list.map((w) => w.id);

describe("the staff list's bulk bar", () => {
  it("assigns a contractor and sets a priority on many work orders, once however often it is sent", async () => {
    const w = await world(3);
    const input = ZBulkEditWorkOrdersSchema.parse({
      workOrderIds: ids(w.workOrders),
      contractorCompanyId: w.company.id,
      priority: "URGENT",
    });
    const results = await Promise.all([bulkEditWorkOrders(w.staff, input), bulkEditWorkOrders(w.staff, input)]);
    expect(results.map((r) => r.assigned).sort()).toEqual([0, 3]);
    const after = await db.workOrder.findMany({
      where: { id: { in: ids(w.workOrders) } },
      include: { assignments: true },
    });
    for (const workOrder of after) {
      expect(workOrder.priority).toBe("URGENT");
      expect(workOrder.status).toBe("ASSIGNED");
      expect(workOrder.assignments).toHaveLength(1);
      // The SLA follows the priority, counted from creation (4 hours for urgent work).
      expect(workOrder.slaDueAt!.getTime() - workOrder.createdAt.getTime()).toBe(4 * 3_600_000);
    }
    expect(
      await db.timelineEvent.count({ where: { workOrderId: { in: ids(w.workOrders) }, type: "work_order.updated" } }),
    ).toBe(3);
    expect(await db.emailOutbox.count({ where: { to: w.office.user.email, template: "task-offered" } })).toBe(3);
  });

  it("refuses the whole edit when one work order is with another contractor, changing nothing", async () => {
    const w = await world(2);
    const other = await createWorld(db);
    await createAssignment(db, {
      workOrderId: w.workOrders[1].id,
      contractorCompanyId: other.company.id,
      status: "ACCEPTED",
    });
    await expect(
      bulkEditWorkOrders(
        w.staff,
        ZBulkEditWorkOrdersSchema.parse({
          workOrderIds: ids(w.workOrders),
          contractorCompanyId: w.company.id,
          priority: "HIGH",
        }),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(`#${w.workOrders[1].number}`) });
    expect(await db.assignment.count({ where: { workOrderId: w.workOrders[0].id } })).toBe(0);
    expect((await db.workOrder.findUniqueOrThrow({ where: { id: w.workOrders[0].id } })).priority).toBe("NORMAL");
  });

  it("archives only what is finished or unassigned, and never another organisation's work", async () => {
    const w = await world(2);
    await bulkEditWorkOrders(
      w.staff,
      ZBulkEditWorkOrdersSchema.parse({ workOrderIds: ids(w.workOrders), intent: "archive" }),
    );
    expect(await db.workOrder.count({ where: { id: { in: ids(w.workOrders) }, archivedAt: { not: null } } })).toBe(2);

    const busy = await world(1);
    await createAssignment(db, {
      workOrderId: busy.workOrders[0].id,
      contractorCompanyId: busy.company.id,
      status: "IN_PROGRESS",
    });
    await db.workOrder.update({ where: { id: busy.workOrders[0].id }, data: { status: "IN_PROGRESS" } });
    await expect(
      bulkEditWorkOrders(
        busy.staff,
        ZBulkEditWorkOrdersSchema.parse({ workOrderIds: ids(busy.workOrders), intent: "archive" }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_TRANSITION" });

    const stranger = await world(0);
    await expect(
      bulkEditWorkOrders(
        stranger.staff,
        ZBulkEditWorkOrdersSchema.parse({ workOrderIds: ids(busy.workOrders), priority: "LOW" }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("says what is missing when nothing is chosen", () => {
    const result = ZBulkEditWorkOrdersSchema.safeParse({ workOrderIds: [], contractorCompanyId: "", priority: "" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain("Select at least one work order");
  });
});
