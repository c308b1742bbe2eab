import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { assignContractor } from "@/lib/assignments/assign-contractor";
import { db } from "@/lib/db";
import { archiveWorkOrder } from "@/lib/work-orders/archive-work-order";
import { createWorld } from "@/prisma/factories";
import { addEstimateLine } from "./add-estimate-line";
import { approveEstimate } from "./approve-estimate";
import { listApprovedEstimateLines } from "./list-approved-estimate-lines";
import { listEstimateLines } from "./list-estimate-lines";
import { removeEstimateLine } from "./remove-estimate-line";
import { ZAddEstimateLineSchema } from "./schemas";

async function setUp() {
  const world = await createWorld(db);
  const staff = (await loadStaffActor(world.admin.id))!;
  return { world, staff };
}

const line = (workOrderId: string, fields: Record<string, string>) =>
  ZAddEstimateLineSchema.parse({ workOrderId, unitCode: "HUR", taxPercent: "", ...fields });

const fieldErrorsOf = (fields: Record<string, string>) =>
  ZAddEstimateLineSchema.safeParse({
    workOrderId: "cnotanidbutlongenough12345",
    description: "Labour",
    quantity: "1",
    unitCode: "HUR",
    unitPrice: "10",
    taxPercent: "",
    ...fields,
  }).error?.flatten().fieldErrors;

describe("estimate lines", () => {
  it("adds draft lines at the organisation's default tax rate unless one is given, priced exactly", async () => {
    const { world, staff } = await setUp();
    const id = world.workOrder.id;
    await addEstimateLine(staff, line(id, { description: "Labour", quantity: "3.5", unitPrice: "85" }));
    await addEstimateLine(
      staff,
      line(id, { description: "Valve", quantity: "2", unitCode: "C62", unitPrice: "19.99", taxPercent: "5" }),
    );
    const estimate = await listEstimateLines(staff, id);
    expect(
      estimate.lines.map((l) => [
        l.position,
        l.description,
        l.taxPercent.toString(),
        l.amounts.net.toFixed(2),
        l.amounts.tax.toFixed(2),
      ]),
    ).toEqual([
      [0, "Labour", "20", "297.50", "59.50"],
      [1, "Valve", "5", "39.98", "2.00"],
    ]);
    expect([estimate.drafts.net.toFixed(2), estimate.drafts.gross.toFixed(2), estimate.counted.net.toFixed(2)]).toEqual(
      ["337.48", "398.98", "0.00"],
    );
  });

  it("refuses bad input with a message per field, and changes nothing", async () => {
    const { world, staff } = await setUp();
    expect(fieldErrorsOf({ quantity: "0" })?.quantity).toEqual(["The quantity must be more than 0"]);
    expect(fieldErrorsOf({ quantity: "-2" })?.quantity).toEqual(["Enter the quantity as a number such as 1.5"]);
    expect(fieldErrorsOf({ unitPrice: "-5" })?.unitPrice).toEqual(["An amount cannot be negative"]);
    expect(fieldErrorsOf({ unitPrice: "" })?.unitPrice).toEqual(["Enter the unit price"]);
    expect(fieldErrorsOf({ taxPercent: "120" })?.taxPercent).toEqual(["A rate is 100 % at most"]);
    expect(fieldErrorsOf({ unitCode: "BOX" })?.unitCode).toEqual(["Choose a unit"]);
    expect(fieldErrorsOf({ description: " " })?.description).toEqual(["Describe the line"]);
    await expect(
      addEstimateLine(staff, line(world.workOrder.id, { description: "Labour", quantity: "1", unitPrice: "85.505" })),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { unitPrice: ["GBP has 2 decimals at most"] } });
    expect(await db.estimateLine.count({ where: { workOrderId: world.workOrder.id } })).toBe(0);
  });

  it("approving sets the not-to-exceed to the approved lines' net, tells the contractor once, and a second click changes nothing", async () => {
    const { world, staff } = await setUp();
    const id = world.workOrder.id;
    await assignContractor(staff, { workOrderId: id, contractorCompanyId: world.company.id });
    const labour = await addEstimateLine(staff, line(id, { description: "Labour", quantity: "3", unitPrice: "85" }));
    const valve = await addEstimateLine(
      staff,
      line(id, { description: "Valve", quantity: "1", unitCode: "C62", unitPrice: "42.50" }),
    );
    const seen = [labour.id, valve.id];
    // Added in another tab after the page was read: not approved unseen.
    const later = await addEstimateLine(staff, line(id, { description: "Flue", quantity: "1", unitPrice: "300" }));

    const [first, second] = await Promise.all([
      approveEstimate(staff, { workOrderId: id, lineIds: seen }),
      approveEstimate(staff, { workOrderId: id, lineIds: seen }),
    ]);
    expect([first.approved, second.approved].sort()).toEqual([0, 2]);
    expect(first.notToExceed).toBe("297.50");
    expect(second.notToExceed).toBe("297.50");
    const workOrder = await db.workOrder.findUniqueOrThrow({ where: { id } });
    expect(workOrder.notToExceed?.toFixed(2)).toBe("297.50");
    expect((await db.estimateLine.findUniqueOrThrow({ where: { id: later.id } })).approvedAt).toBeNull();

    const events = await db.timelineEvent.findMany({ where: { workOrderId: id, type: "estimate.approved" } });
    expect(events.map((e) => e.data)).toEqual([{ lines: ["Labour", "Valve"], notToExceed: "297.50", currency: "GBP" }]);
    const emails = await db.emailOutbox.findMany({
      where: { to: world.office.user.email, template: "estimate-approved" },
    });
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toBe(
      `${world.organisation.name} approved the estimate for #${workOrder.number} ${workOrder.title}: not to exceed £297.50`,
    );
    expect(emails[0].text).toContain("• Labour: 3 h × £85.00");

    // An approved line stays; a draft goes, once.
    await expect(removeEstimateLine(staff, { lineId: labour.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await removeEstimateLine(staff, { lineId: later.id })).toEqual({ removed: true });
    expect(await removeEstimateLine(staff, { lineId: later.id })).toEqual({ removed: false });
    expect(await db.estimateLine.count({ where: { workOrderId: id } })).toBe(2);
  });

  it("keeps to the organisation's currency: yen have no decimals", async () => {
    const { world } = await setUp();
    await db.organisation.update({
      where: { id: world.organisation.id },
      data: { currency: "JPY", defaultTaxPercent: "10" },
    });
    const yen = (await loadStaffActor(world.admin.id))!;
    expect(yen.organisationCurrency).toBe("JPY");
    const added = await addEstimateLine(
      yen,
      line(world.workOrder.id, { description: "Labour", quantity: "2.5", unitPrice: "8999" }),
    );
    const result = await approveEstimate(yen, { workOrderId: world.workOrder.id, lineIds: [added.id] });
    // 2.5 × 8,999 = 22,497.5, rounded half away from zero.
    expect(result.notToExceed).toBe("22498");
    await expect(
      addEstimateLine(yen, line(world.workOrder.id, { description: "Part", quantity: "1", unitPrice: "10.5" })),
    ).rejects.toMatchObject({ fieldErrors: { unitPrice: ["JPY has no decimals"] } });
  });

  it("another organisation's staff get not found, and an archived work order's estimate is closed", async () => {
    const { world, staff } = await setUp();
    const other = await setUp();
    const added = await addEstimateLine(
      staff,
      line(world.workOrder.id, { description: "Labour", quantity: "1", unitPrice: "85" }),
    );
    await expect(
      addEstimateLine(other.staff, line(world.workOrder.id, { description: "x", quantity: "1", unitPrice: "1" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      approveEstimate(other.staff, { workOrderId: world.workOrder.id, lineIds: [added.id] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await removeEstimateLine(other.staff, { lineId: added.id })).toEqual({ removed: false });
    expect((await listEstimateLines(other.staff, world.workOrder.id)).lines).toEqual([]);
    expect(await db.estimateLine.count({ where: { id: added.id } })).toBe(1);

    await archiveWorkOrder(staff, world.workOrder.id);
    await expect(
      approveEstimate(staff, { workOrderId: world.workOrder.id, lineIds: [added.id] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.estimateLine.findUniqueOrThrow({ where: { id: added.id } })).approvedAt).toBeNull();
  });
});

describe("what a contractor sees of an estimate", () => {
  it("the approved lines of work its company holds, never drafts, and nothing of another's", async () => {
    const { world, staff } = await setUp();
    const id = world.workOrder.id;
    await assignContractor(staff, { workOrderId: id, contractorCompanyId: world.company.id });
    const approved = await addEstimateLine(staff, line(id, { description: "Labour", quantity: "2", unitPrice: "85" }));
    await approveEstimate(staff, { workOrderId: id, lineIds: [approved.id] });
    await addEstimateLine(staff, line(id, { description: "Draft idea", quantity: "1", unitPrice: "999" }));
    const desk = (await loadDeskActor(world.office.user.id))!;
    const seen = await listApprovedEstimateLines(desk, id, "GBP");
    expect(seen.lines.map((l) => l.description)).toEqual(["Labour"]);
    expect(seen.counted.net.toFixed(2)).toBe("170.00");

    const rival = await createWorld(db);
    const rivalDesk = (await loadDeskActor(rival.office.user.id))!;
    expect((await listApprovedEstimateLines(rivalDesk, id, "GBP")).lines).toEqual([]);
  });
});
