import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadTechActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createAssignment, createWorld } from "@/prisma/factories";
import { applyMutation } from "./apply-mutation";
import type { TMutation } from "./contract";
import { listTaskSnapshots } from "./task-snapshots";

async function setUp() {
  const world = await createWorld(db);
  await db.site.update({ where: { id: world.site.id }, data: { timezone: "Australia/Sydney" } });
  const task = await createAssignment(db, {
    workOrderId: world.workOrder.id,
    contractorCompanyId: world.company.id,
    status: "IN_PROGRESS",
    technicianIds: [world.technician.person.id],
  });
  const tech = (await loadTechActor(world.technician.user.id))!;
  let seq = 0;
  const recordTime = (fields: Partial<Extract<TMutation, { type: "record_time" }>> = {}) =>
    ({
      mutationId: randomUUID(),
      taskId: task.id,
      seq: ++seq,
      deviceAt: "2026-12-01T09:00:00.000Z",
      type: "record_time",
      timeEntryId: randomUUID(),
      // 09:30 in Sydney on 1 December.
      startedAt: "2026-11-30T22:30:00.000Z",
      minutes: 85,
      labourType: "NORMAL",
      ...fields,
    }) as TMutation;
  return { world, task, tech, recordTime };
}

describe("time from the technician's phone", () => {
  it("is recorded once under the phone's id, on the site's day, and comes back in the phone's tasks without prices", async () => {
    const { world, task, tech, recordTime } = await setUp();
    const deviceId = randomUUID();
    const mutation = recordTime({ note: "Boiler strip-down" });
    expect(await applyMutation(tech, deviceId, mutation)).toMatchObject({ outcome: "applied" });
    // The same change again (a retry) gets the first answer and changes nothing.
    expect(await applyMutation(tech, deviceId, mutation)).toMatchObject({ outcome: "applied" });
    const entries = await db.timeEntry.findMany({ where: { assignmentId: task.id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      id: (mutation as { timeEntryId: string }).timeEntryId,
      personId: world.technician.person.id,
      minutes: 85,
      source: "tech",
      note: "Boiler strip-down",
    });
    expect(entries[0].workDate.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    const { tasks } = await listTaskSnapshots(tech);
    const snapshot = tasks.find((t) => t.id === task.id)!;
    expect(snapshot.timeEntries).toEqual([
      {
        id: entries[0].id,
        startedAt: "2026-11-30T22:30:00.000Z",
        minutes: 85,
        labourType: "NORMAL",
        note: "Boiler strip-down",
      },
    ]);
    expect(JSON.stringify(snapshot)).not.toMatch(/price|rate|cost/i);
  });

  it("refuses a negative or over-long duration and a time ending after it was recorded; an invoiced task's time goes to the office", async () => {
    const { task, tech, recordTime } = await setUp();
    const deviceId = randomUUID();
    const refused = async (fields: Partial<Extract<TMutation, { type: "record_time" }>>) =>
      applyMutation(tech, deviceId, recordTime(fields));
    expect(await refused({ minutes: -5 })).toMatchObject({ outcome: "rejected" });
    expect(await refused({ minutes: 24 * 60 + 1 })).toMatchObject({
      outcome: "rejected",
      message: expect.stringContaining("24 hours at most"),
    });
    expect(await refused({ startedAt: "2026-12-01T08:30:00.000Z", minutes: 60 })).toMatchObject({
      outcome: "rejected",
      message: expect.stringContaining("would end in the future"),
    });
    expect(await db.timeEntry.count({ where: { assignmentId: task.id } })).toBe(0);

    await db.assignment.update({ where: { id: task.id }, data: { status: "INVOICED" } });
    expect(await applyMutation(tech, deviceId, recordTime())).toMatchObject({ outcome: "conflict" });
    expect(await db.timeEntry.count({ where: { assignmentId: task.id } })).toBe(0);
    expect(await db.timelineEvent.count({ where: { assignmentId: task.id, type: "technician.unsynced_work" } })).toBe(
      1,
    );
  });
});
