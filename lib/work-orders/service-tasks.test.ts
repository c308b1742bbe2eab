import { describe, expect, it } from "vitest";
import { loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createWorld } from "@/prisma/factories";
import { ZAddServiceTaskSchema } from "./schemas";
import { addServiceTask } from "./service-tasks";

describe("procedure steps on a work order", () => {
  it("adds steps in order; readings keep their unit and range, photos are required for photo steps", async () => {
    const world = await createWorld(db);
    const staff = (await loadStaffActor(world.admin.id))!;
    const reading = ZAddServiceTaskSchema.parse({
      workOrderId: world.workOrder.id,
      title: "Burner pressure",
      kind: "READING",
      unit: "mbar",
      minValue: "9",
      maxValue: "11,5",
    });
    await addServiceTask(staff, reading);
    await addServiceTask(
      staff,
      ZAddServiceTaskSchema.parse({
        workOrderId: world.workOrder.id,
        title: "Photo of the flue",
        kind: "PHOTO",
        unit: "ignored",
      }),
    );
    const steps = await db.serviceTask.findMany({
      where: { workOrderId: world.workOrder.id },
      orderBy: { position: "asc" },
    });
    expect(steps.map((s) => [s.position, s.title, s.unit, s.minValue, s.maxValue, s.photoRequired])).toEqual([
      [0, "Burner pressure", "mbar", 9, 11.5, false],
      [1, "Photo of the flue", null, null, null, true],
    ]);
  });

  it("refuses a reversed range, another organisation's work order, and archived work orders", async () => {
    const world = await createWorld(db);
    const other = await createWorld(db);
    const staff = (await loadStaffActor(world.admin.id))!;
    const reversed = ZAddServiceTaskSchema.safeParse({
      workOrderId: world.workOrder.id,
      title: "Voltage",
      kind: "READING",
      minValue: "28",
      maxValue: "24",
    });
    expect(reversed.error?.flatten().fieldErrors.maxValue).toBeDefined();
    const foreign = ZAddServiceTaskSchema.parse({ workOrderId: other.workOrder.id, title: "Sneaky", kind: "CHECK" });
    await expect(addServiceTask(staff, foreign)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.workOrder.update({ where: { id: world.workOrder.id }, data: { archivedAt: new Date() } });
    await expect(
      addServiceTask(
        staff,
        ZAddServiceTaskSchema.parse({ workOrderId: world.workOrder.id, title: "Late", kind: "CHECK" }),
      ),
    ).rejects.toBeInstanceOf(AppError);
    expect(
      await db.serviceTask.count({ where: { workOrderId: { in: [world.workOrder.id, other.workOrder.id] } } }),
    ).toBe(0);
  });
});
