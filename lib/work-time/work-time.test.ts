import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createAssignment, createWorld } from "@/prisma/factories";
import { PDF_BYTES } from "@/tests/sample-files";
import { listWorkTime } from "./list-work-time";
import { recordCostEntry } from "./record-cost-entry";
import { recordTimeEntry } from "./record-time-entry";
import { ZRecordCostSchema, ZRecordTimeSchema } from "./schemas";

const NOW = new Date("2026-12-01T09:00:00Z");

async function setUp() {
  const world = await createWorld(db);
  // The site is in Sydney: 10:30 there on 1 December is 23:30 UTC on 30 November.
  await db.site.update({ where: { id: world.site.id }, data: { timezone: "Australia/Sydney" } });
  const task = await createAssignment(db, {
    workOrderId: world.workOrder.id,
    contractorCompanyId: world.company.id,
    status: "IN_PROGRESS",
    technicianIds: [world.technician.person.id],
  });
  const desk = (await loadDeskActor(world.office.user.id))!;
  return { world, task, desk };
}

const time = (assignmentId: string, personId: string, fields: Record<string, string> = {}) =>
  ZRecordTimeSchema.parse({
    assignmentId,
    personId,
    startedAt: "2026-12-01T10:30",
    minutes: "1:30",
    labourType: "NORMAL",
    note: "",
    ...fields,
  });

const timeErrors = (fields: Record<string, string>) =>
  ZRecordTimeSchema.safeParse({
    assignmentId: "cnotanidbutlongenough12345",
    personId: "cnotanidbutlongenough12345",
    startedAt: "2026-12-01T10:30",
    minutes: "1:30",
    labourType: "NORMAL",
    ...fields,
  }).error?.flatten().fieldErrors;

describe("time on a task, from the Desk", () => {
  it("records who worked when, on the site's calendar, and shows it to the office and to the client's staff", async () => {
    const { world, task, desk } = await setUp();
    await recordTimeEntry(desk, time(task.id, world.technician.person.id), NOW);
    await recordTimeEntry(
      desk,
      time(task.id, world.technician.person.id, {
        startedAt: "2026-12-01T12:00",
        minutes: "0.5",
        labourType: "TRAVEL",
      }),
      NOW,
    );
    const [entry] = await db.timeEntry.findMany({ where: { assignmentId: task.id }, orderBy: { startedAt: "asc" } });
    expect(entry.startedAt?.toISOString()).toBe("2026-11-30T23:30:00.000Z");
    // The day worked is Sydney's 1 December, not UTC's 30 November.
    expect(entry.workDate.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(entry.minutes).toBe(90);

    const staff = (await loadStaffActor(world.admin.id))!;
    for (const reader of [desk, staff]) {
      const work = await listWorkTime(reader, task.id);
      expect(work?.totalMinutes).toBe(120);
      expect(work?.minutesByType).toEqual([
        { labourType: "NORMAL", minutes: 90 },
        { labourType: "TRAVEL", minutes: 30 },
      ]);
    }
    const event = await db.timelineEvent.findFirstOrThrow({
      where: { assignmentId: task.id, type: "work.time_recorded" },
    });
    expect(event.data).toEqual({ person: world.technician.user.name, minutes: 90, labourType: "Normal" });
  });

  it("refuses bad time with a message per field, and records nothing", async () => {
    const { world, task, desk } = await setUp();
    expect(timeErrors({ minutes: "-1" })?.minutes).toEqual(["Enter how long, such as 1:30 or 1.5 (hours)"]);
    expect(timeErrors({ minutes: "0" })?.minutes).toEqual(["Enter a duration of at least a minute"]);
    expect(timeErrors({ minutes: "25" })?.minutes).toEqual(["One entry is 24 hours at most: enter each day apart"]);
    expect(timeErrors({ labourType: "HOLIDAY" })?.labourType).toEqual(["Choose the kind of time"]);
    // 21:00 in Sydney on 1 December is 10:00 UTC, after NOW.
    await expect(
      recordTimeEntry(desk, time(task.id, world.technician.person.id, { startedAt: "2026-12-01T21:00" }), NOW),
    ).rejects.toMatchObject({ fieldErrors: { startedAt: ["The start cannot be in the future"] } });
    await expect(
      recordTimeEntry(
        desk,
        time(task.id, world.technician.person.id, { startedAt: "2026-12-01T19:00", minutes: "2" }),
        NOW,
      ),
    ).rejects.toMatchObject({ fieldErrors: { minutes: ["This time would end in the future"] } });
    const stranger = await createWorld(db);
    await expect(recordTimeEntry(desk, time(task.id, stranger.technician.person.id), NOW)).rejects.toMatchObject({
      fieldErrors: { personId: ["Choose one of your people"] },
    });
    await db.assignment.update({ where: { id: task.id }, data: { status: "INVOICED" } });
    await expect(recordTimeEntry(desk, time(task.id, world.technician.person.id), NOW)).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    expect(await db.timeEntry.count({ where: { assignmentId: task.id } })).toBe(0);
  });

  it("another company's office and another organisation's staff reach nothing", async () => {
    const { world, task } = await setUp();
    const other = await createWorld(db);
    const otherDesk = (await loadDeskActor(other.office.user.id))!;
    await expect(recordTimeEntry(otherDesk, time(task.id, world.technician.person.id), NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await listWorkTime(otherDesk, task.id)).toBeNull();
    expect(await listWorkTime((await loadStaffActor(other.admin.id))!, task.id)).toBeNull();
    // A technician of the company records time in the app: they have no Desk.
    expect(await loadDeskActor(world.technician.user.id)).toBeNull();
  });
});

const cost = (assignmentId: string, fields: Record<string, unknown> = {}) =>
  ZRecordCostSchema.parse({
    assignmentId,
    category: "PART",
    description: "Thermostatic valve",
    quantity: "2",
    unitCode: "C62",
    unitCost: "18.75",
    ...fields,
  });

describe("costs on a task", () => {
  it("records costs at cost price with a receipt, totalled exactly in the client's currency", async () => {
    const { task, desk } = await setUp();
    await recordCostEntry(
      desk,
      cost(task.id, { receipt: new File([PDF_BYTES], "receipt.pdf", { type: "application/pdf" }) }),
    );
    await recordCostEntry(
      desk,
      cost(task.id, {
        category: "MATERIAL",
        description: "Copper pipe",
        quantity: "1.5",
        unitCode: "MTR",
        unitCost: "7.33",
      }),
    );
    const work = await listWorkTime(desk, task.id);
    expect(work?.costs.map((c) => [c.description, c.amount.toFixed(2), c.receipts.map((r) => r.filename)])).toEqual([
      ["Thermostatic valve", "37.50", ["receipt.pdf"]],
      // 1.5 × 7.33 = 10.995, rounded half away from zero.
      ["Copper pipe", "11.00", []],
    ]);
    expect(work?.costTotal.toFixed(2)).toBe("48.50");
    expect(await db.attachment.count({ where: { assignmentId: task.id, kind: "RECEIPT" } })).toBe(1);
  });

  it("refuses a negative or zero quantity, a negative cost and a cost finer than the currency, and records nothing", async () => {
    const { world, task, desk } = await setUp();
    const errors = (fields: Record<string, string>) =>
      ZRecordCostSchema.safeParse({ ...cost(task.id), receipt: undefined, unitCost: "1", ...fields }).error?.flatten()
        .fieldErrors;
    expect(errors({ quantity: "-1" })?.quantity).toEqual(["Enter the quantity as a number such as 2 or 1.5"]);
    expect(errors({ quantity: "0" })?.quantity).toEqual(["The quantity must be more than 0"]);
    expect(errors({ unitCost: "-3" })?.unitCost).toEqual(["An amount cannot be negative"]);
    await db.organisation.update({ where: { id: world.organisation.id }, data: { currency: "JPY" } });
    await expect(recordCostEntry(desk, cost(task.id, { unitCost: "18.75" }))).rejects.toMatchObject({
      fieldErrors: { unitCost: ["JPY has no decimals"] },
    });
    expect(await db.costEntry.count({ where: { assignmentId: task.id } })).toBe(0);
  });
});
