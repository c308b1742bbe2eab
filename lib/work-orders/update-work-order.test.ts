import { describe, expect, it } from "vitest";
import { loadStaffActor } from "@/lib/auth/actor";
import { assignContractor } from "@/lib/assignments/assign-contractor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAsset, createSite, createWorld } from "@/prisma/factories";
import { archiveWorkOrder } from "./archive-work-order";
import { editableFieldsFingerprint } from "./editable-fields";
import { ZUpdateWorkOrderSchema } from "./schemas";
import { updateWorkOrder } from "./update-work-order";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e) => (e instanceof AppError ? e.code : Promise.reject(e)),
  );

async function setUp() {
  const world = await createWorld(db);
  const staff = (await loadStaffActor(world.admin.id))!;
  const asset = await createAsset(db, world.site, { name: "Boiler 2", serialNumber: "B2-778" });
  return { world, staff, asset };
}

// What the edit form would post, built from the row as it is now.
async function formFor(workOrderId: string, changes: Record<string, string> = {}) {
  const row = await db.workOrder.findUniqueOrThrow({ where: { id: workOrderId } });
  return ZUpdateWorkOrderSchema.parse({
    workOrderId,
    baseline: editableFieldsFingerprint(row),
    title: row.title,
    description: row.description,
    siteId: row.siteId,
    assetId: row.assetId ?? "",
    categoryId: row.categoryId ?? "",
    priority: row.priority,
    dueAt: row.dueAt?.toISOString().slice(0, 10) ?? "",
    purchaseOrder: row.purchaseOrder ?? "",
    notToExceed: row.notToExceed === null ? "" : row.notToExceed.toString(),
    internalNotes: row.internalNotes ?? "",
    ...changes,
  });
}

describe("editing a work order", () => {
  it("saves the changed fields, moves the SLA with the priority and records what changed", async () => {
    const { world, staff, asset } = await setUp();
    const before = await db.workOrder.findUniqueOrThrow({ where: { id: world.workOrder.id } });
    const result = await updateWorkOrder(
      staff,
      await formFor(before.id, { assetId: asset.id, priority: "URGENT", purchaseOrder: "PO-9", notToExceed: "350.50" }),
    );
    expect(result.changed.sort()).toEqual(["asset", "not-to-exceed amount", "priority", "purchase order"]);
    const after = await db.workOrder.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({
      assetId: asset.id,
      priority: "URGENT",
      purchaseOrder: "PO-9",
    });
    expect(after.notToExceed?.toFixed(2)).toBe("350.50");
    expect(after.slaDueAt!.getTime()).toBe(before.createdAt.getTime() + 4 * 3_600_000);
    const event = await db.timelineEvent.findFirstOrThrow({
      where: { workOrderId: before.id, type: "work_order.updated" },
    });
    expect((event.data as { changes: string[] }).changes).toContain("asset");
  });

  it("clears optional fields left empty and does nothing when nothing changed", async () => {
    const { world, staff } = await setUp();
    await updateWorkOrder(
      staff,
      await formFor(world.workOrder.id, { purchaseOrder: "PO-1", internalNotes: "gate code 1234" }),
    );
    await updateWorkOrder(staff, await formFor(world.workOrder.id, { purchaseOrder: "", internalNotes: "" }));
    expect(await db.workOrder.findUniqueOrThrow({ where: { id: world.workOrder.id } })).toMatchObject({
      purchaseOrder: null,
      internalNotes: null,
    });
    expect(await updateWorkOrder(staff, await formFor(world.workOrder.id))).toEqual({ changed: [] });
    expect(
      await db.timelineEvent.count({ where: { workOrderId: world.workOrder.id, type: "work_order.updated" } }),
    ).toBe(2);
  });

  it("tells the contractor holding the task about changes they can see, never about internal notes", async () => {
    const { world, staff } = await setUp();
    await assignContractor(staff, { workOrderId: world.workOrder.id, contractorCompanyId: world.company.id });
    await updateWorkOrder(staff, await formFor(world.workOrder.id, { internalNotes: "tenant is difficult" }));
    expect(await db.emailOutbox.count({ where: { to: world.office.user.email, template: "task-updated" } })).toBe(0);
    await updateWorkOrder(
      staff,
      await formFor(world.workOrder.id, { dueAt: "2031-03-04", title: "Boiler pressure low" }),
    );
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { to: world.office.user.email, template: "task-updated" },
    });
    expect(email.text).toContain("title, due date");
    expect(email.text).not.toContain("internal");
  });

  it("refuses a save over someone else's newer edit, but not over a status change by the contractor", async () => {
    const { world, staff } = await setUp();
    const stale = await formFor(world.workOrder.id, { title: "My version" });
    await updateWorkOrder(staff, await formFor(world.workOrder.id, { title: "Their version" }));
    expect(await code(updateWorkOrder(staff, stale))).toBe("CONFLICT");
    expect((await db.workOrder.findUniqueOrThrow({ where: { id: world.workOrder.id } })).title).toBe("Their version");

    const fresh = await formFor(world.workOrder.id, { purchaseOrder: "PO-77" });
    await assignContractor(staff, { workOrderId: world.workOrder.id, contractorCompanyId: world.company.id });
    expect(await code(updateWorkOrder(staff, fresh))).toBe("OK");
  });

  it("refuses an asset from another site or organisation, a foreign site, and archived work orders, changing nothing", async () => {
    const { world, staff } = await setUp();
    const otherSite = await createSite(db, world.organisation.id);
    const assetElsewhere = await createAsset(db, otherSite);
    const other = await setUp();
    const before = await db.workOrder.findUniqueOrThrow({ where: { id: world.workOrder.id } });

    const wrongSite = await code(
      updateWorkOrder(staff, await formFor(before.id, { assetId: assetElsewhere.id, title: "Changed" })),
    );
    expect(wrongSite).toBe("INVALID_INPUT");
    expect(await code(updateWorkOrder(staff, await formFor(before.id, { assetId: other.asset.id })))).toBe(
      "INVALID_INPUT",
    );
    expect(await code(updateWorkOrder(staff, await formFor(before.id, { siteId: other.world.site.id })))).toBe(
      "INVALID_INPUT",
    );
    expect(await code(updateWorkOrder(other.staff, await formFor(before.id, { title: "Hijacked" })))).toBe("NOT_FOUND");
    expect(await db.workOrder.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);

    await archiveWorkOrder(staff, before.id);
    expect(await code(updateWorkOrder(staff, await formFor(before.id, { title: "After archive" })))).toBe("CONFLICT");
  });

  it("holds the amount to the organisation's currency, and a same amount written otherwise is no change", async () => {
    const { world, staff } = await setUp();
    await updateWorkOrder(staff, await formFor(world.workOrder.id, { notToExceed: "1,240.5" }));
    const again = await updateWorkOrder(staff, await formFor(world.workOrder.id, { notToExceed: "1240.50" }));
    expect(again.changed).toEqual([]);
    await db.organisation.update({ where: { id: world.organisation.id }, data: { currency: "JPY" } });
    const yen = { ...staff, organisationCurrency: "JPY" };
    await expect(
      updateWorkOrder(yen, await formFor(world.workOrder.id, { notToExceed: "1500.5" })),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { notToExceed: ["JPY has no decimals"] } });
    await updateWorkOrder(yen, await formFor(world.workOrder.id, { notToExceed: "150000" }));
    const after = await db.workOrder.findUniqueOrThrow({ where: { id: world.workOrder.id } });
    expect(after.notToExceed?.toString()).toBe("150000");
  });

  it("the schema refuses a malformed amount, a short title and a missing baseline", () => {
    const parsed = ZUpdateWorkOrderSchema.safeParse({
      workOrderId: "cnotanidbutlongenough12345",
      title: "x",
      siteId: "",
      notToExceed: "12,50",
    });
    expect(parsed.success).toBe(false);
    const fields = Object.keys(parsed.error!.flatten().fieldErrors);
    expect(fields).toEqual(expect.arrayContaining(["title", "siteId", "notToExceed", "baseline"]));
  });
});
