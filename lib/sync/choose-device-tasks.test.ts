import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { AssignmentStatus } from "@/generated/prisma/client";
import { loadTechActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createWorld } from "@/prisma/factories";
import { listTaskSnapshots } from "./task-snapshots";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 10:00 in Sydney (AEDT, UTC+11) on 2 December 2026; still 1 December in UTC.
const NOW = new Date("2026-12-01T23:00:00Z");

type TSpec = { status: AssignmentStatus; scheduledAt?: Date; completedAt?: Date; title: string };

// Loads thousands of tasks for one technician in a few statements.
async function technicianWith(specs: TSpec[]) {
  const w = await createWorld(db);
  await db.organisation.update({ where: { id: w.organisation.id }, data: { timezone: "Australia/Sydney" } });
  const workOrders = specs.map((spec, i) => ({
    id: randomUUID(),
    organisationId: w.organisation.id,
    siteId: w.site.id,
    number: 1000 + i,
    title: spec.title,
  }));
  await db.workOrder.createMany({ data: workOrders });
  const assignments = specs.map((spec, i) => ({
    id: randomUUID(),
    organisationId: w.organisation.id,
    workOrderId: workOrders[i].id,
    contractorCompanyId: w.company.id,
    status: spec.status,
    scheduledAt: spec.scheduledAt,
    completedAt: spec.completedAt,
    createdAt: new Date(NOW.getTime() - 400 * DAY + i * 1000),
  }));
  await db.assignment.createMany({ data: assignments });
  await db.assignmentTechnician.createMany({
    data: assignments.map((a) => ({ assignmentId: a.id, personId: w.technician.person.id })),
  });
  return (await loadTechActor(w.technician.user.id))!;
}

const titles = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));
const many = (count: number, make: (i: number) => TSpec) => Array.from({ length: count }, (_, i) => make(i));

describe("what a technician's phone downloads", () => {
  it("with thousands of tasks: the most urgent open ones first, and how many open ones did not fit", async () => {
    const tech = await technicianWith([
      ...many(3000, (i) => ({
        status: "COMPLETED",
        completedAt: new Date(NOW.getTime() - (i + 1) * HOUR),
        scheduledAt: new Date(NOW.getTime() - (i + 2) * HOUR),
        title: `finished ${i}`,
      })),
      ...many(2500, (i) => ({
        status: "SCHEDULED",
        scheduledAt: new Date(NOW.getTime() - (i + 2) * DAY),
        title: `overdue ${i}`,
      })),
      ...many(300, (i) => ({
        status: i % 2 ? "SCHEDULED" : "ACCEPTED",
        scheduledAt: new Date(NOW.getTime() + (i + 1) * DAY),
        title: `upcoming ${i}`,
      })),
      // Today in Sydney: 08:00 (before now) and 23:30 (12:30 UTC).
      { status: "SCHEDULED", scheduledAt: new Date("2026-12-02T12:30:00Z"), title: "today late" },
      { status: "SCHEDULED", scheduledAt: new Date("2026-12-01T21:00:00Z"), title: "today early" },
      // 00:30 on 3 December in Sydney: tomorrow there, although still 2 December in UTC.
      { status: "SCHEDULED", scheduledAt: new Date("2026-12-02T13:30:00Z"), title: "tomorrow just after midnight" },
      { status: "IN_PROGRESS", scheduledAt: new Date(NOW.getTime() - 30 * DAY), title: "on site" },
      { status: "REVISIT", scheduledAt: new Date(NOW.getTime() - 10 * DAY), title: "revisit" },
      ...many(40, (i) => ({ status: "ACCEPTED", title: `undated ${i}` })),
    ]);
    const { tasks, openTasksLeftOut } = await listTaskSnapshots(tech, { limit: 200, now: NOW });
    expect(tasks).toHaveLength(200);
    expect(tasks.slice(0, 5).map((t) => t.title)).toEqual([
      "on site",
      "revisit",
      "today early",
      "today late",
      "tomorrow just after midnight",
    ]);
    expect(tasks.slice(5).map((t) => t.title)).toEqual(titles(195, (i) => `upcoming ${i}`));
    // 300 upcoming + 2500 overdue + 40 undated + 5 others are open; 200 fit.
    expect(openTasksLeftOut).toBe(2845 - 200);
    expect(tasks.some((t) => t.status === "COMPLETED")).toBe(false);

    // Room for more: after the upcoming visits, overdue ones from the most recent back.
    const more = await listTaskSnapshots(tech, { limit: 400, now: NOW });
    expect(more.tasks.slice(305, 308).map((t) => t.title)).toEqual(["overdue 0", "overdue 1", "overdue 2"]);
    expect(more.openTasksLeftOut).toBe(2845 - 400);
  }, 60_000);

  it("when every open task fits: recent finished ones fill the rest, newest first", async () => {
    const tech = await technicianWith([
      ...many(50, (i) => ({
        status: "COMPLETED",
        completedAt: new Date(NOW.getTime() - (50 - i) * HOUR),
        title: `finished ${i}`,
      })),
      { status: "SCHEDULED", scheduledAt: new Date(NOW.getTime() + DAY), title: "tomorrow" },
      { status: "ACCEPTED", title: "undated" },
      { status: "CANCELLED", title: "withdrawn" },
      { status: "OFFERED", title: "not accepted yet" },
    ]);
    const { tasks, openTasksLeftOut } = await listTaskSnapshots(tech, { limit: 20, now: NOW });
    expect(openTasksLeftOut).toBe(0);
    expect(tasks.map((t) => t.title)).toEqual(["tomorrow", "undated", ...titles(18, (i) => `finished ${49 - i}`)]);
  });
});
