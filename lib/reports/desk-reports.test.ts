import { describe, expect, it } from "vitest";
import type { AssignmentStatus } from "@/generated/prisma/client";
import { loadDeskActor, type TDeskActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createSite,
  createWorkOrder,
  createWorld,
} from "@/prisma/factories";
import { getDeskStatusReport } from "./get-desk-status-report";
import { getDeskSummaryReport } from "./get-desk-summary-report";

const DAY = 86_400_000;

type TTask = {
  companyId: string;
  organisationId: string;
  siteId: string;
  status: AssignmentStatus;
  offeredAt: Date;
  notToExceed?: string;
  dueAt?: Date;
};

async function task(t: TTask) {
  const workOrder = await createWorkOrder(db, {
    organisationId: t.organisationId,
    siteId: t.siteId,
    title: `${t.status} ${t.offeredAt.toISOString()}`,
  });
  await db.workOrder.update({
    where: { id: workOrder.id },
    data: { notToExceed: t.notToExceed ?? null, dueAt: t.dueAt ?? null },
  });
  const assignment = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: t.companyId,
    status: t.status,
  });
  await db.assignment.update({ where: { id: assignment.id }, data: { offeredAt: t.offeredAt } });
  return assignment.id;
}

// A contractor serving two clients, and a rival contractor in the first client's network
// whose tasks must never reach the first contractor's reports.
async function twoClientsAndARival() {
  const world = await createWorld(db);
  // The second client bills in euros: its values are never added to the first's pounds.
  const secondClient = await createOrganisation(db, { currency: "EUR" });
  await db.networkLink.create({
    data: { organisationId: secondClient.id, contractorCompanyId: world.company.id, status: "ACTIVE" },
  });
  const secondSite = await createSite(db, secondClient.id);
  const rival = await createContractorCompany(db, [world.organisation.id, secondClient.id]);
  const rivalOffice = await createContractorPerson(db, rival.id, "OFFICE");
  const first = { companyId: world.company.id, organisationId: world.organisation.id, siteId: world.site.id };
  const second = { companyId: world.company.id, organisationId: secondClient.id, siteId: secondSite.id };
  const rivals = { companyId: rival.id, organisationId: world.organisation.id, siteId: world.site.id };
  return {
    first,
    second,
    rivals,
    desk: (await loadDeskActor(world.office.user.id))!,
    rivalDesk: (await loadDeskActor(rivalOffice.user.id))!,
  };
}

describe("Desk summary report", () => {
  it("counts and values the tasks offered in each month by today's status, with totals, for this contractor only", async () => {
    const { first, second, rivals, desk, rivalDesk } = await twoClientsAndARival();
    await task({
      ...first,
      status: "OFFERED",
      offeredAt: new Date("2024-01-01T00:00:00.000Z"),
      notToExceed: "100.00",
    });
    await task({ ...first, status: "ACCEPTED", offeredAt: new Date("2024-01-15T10:00:00Z"), notToExceed: "250.50" });
    await task({ ...second, status: "ACCEPTED", offeredAt: new Date("2024-01-31T23:59:59.999Z") });
    await task({
      ...second,
      status: "COMPLETED",
      offeredAt: new Date("2024-03-10T08:00:00Z"),
      notToExceed: "1000.00",
    });
    await task({ ...first, status: "DECLINED", offeredAt: new Date("2024-03-20T08:00:00Z"), notToExceed: "80.00" });
    // Just outside the period on either side.
    await task({
      ...first,
      status: "OFFERED",
      offeredAt: new Date("2023-12-31T23:59:59.999Z"),
      notToExceed: "999.00",
    });
    await task({
      ...first,
      status: "OFFERED",
      offeredAt: new Date("2024-04-01T00:00:00.000Z"),
      notToExceed: "999.00",
    });
    await task({
      ...rivals,
      status: "ACCEPTED",
      offeredAt: new Date("2024-01-20T08:00:00Z"),
      notToExceed: "5000.00",
    });

    const report = await getDeskSummaryReport(desk, { from: "2024-01", to: "2024-03" });
    expect(report.statuses).toEqual(["OFFERED", "ACCEPTED", "DECLINED", "COMPLETED"]);
    expect(report.months.map((m) => [m.month, m.total])).toEqual([
      [
        "2024-01",
        {
          tasks: 3,
          // The second client's task has no amount: nothing in euros, said as such.
          value: [
            { currency: "EUR", total: "0.00" },
            { currency: "GBP", total: "350.50" },
          ],
          unvaluedTasks: 1,
        },
      ],
      ["2024-02", { tasks: 0, value: [], unvaluedTasks: 0 }],
      [
        "2024-03",
        {
          tasks: 2,
          value: [
            { currency: "EUR", total: "1000.00" },
            { currency: "GBP", total: "80.00" },
          ],
          unvaluedTasks: 0,
        },
      ],
    ]);
    expect(report.months[0]!.byStatus).toEqual({
      OFFERED: { tasks: 1, value: [{ currency: "GBP", total: "100.00" }], unvaluedTasks: 0 },
      ACCEPTED: {
        tasks: 2,
        value: [
          { currency: "EUR", total: "0.00" },
          { currency: "GBP", total: "250.50" },
        ],
        unvaluedTasks: 1,
      },
    });
    expect(report.months[2]!.byStatus).toEqual({
      COMPLETED: { tasks: 1, value: [{ currency: "EUR", total: "1000.00" }], unvaluedTasks: 0 },
      DECLINED: { tasks: 1, value: [{ currency: "GBP", total: "80.00" }], unvaluedTasks: 0 },
    });
    expect(report.byStatus.ACCEPTED).toEqual(report.months[0]!.byStatus.ACCEPTED);
    expect(report.total).toEqual({
      tasks: 5,
      value: [
        { currency: "EUR", total: "1000.00" },
        { currency: "GBP", total: "430.50" },
      ],
      unvaluedTasks: 1,
    });

    const secondOnly = await getDeskSummaryReport(desk, {
      from: "2024-01",
      to: "2024-03",
      client: second.organisationId,
    });
    expect(secondOnly.total).toEqual({
      tasks: 2,
      value: [{ currency: "EUR", total: "1000.00" }],
      unvaluedTasks: 1,
    });
    expect(secondOnly.statuses).toEqual(["ACCEPTED", "COMPLETED"]);

    const wider = await getDeskSummaryReport(desk, { from: "2023-12", to: "2024-04" });
    expect(wider.total.tasks).toBe(7);
    // The SQL scope and the Prisma scope from lib/authz select the same tasks.
    const period = { offeredAt: { gte: new Date("2023-12-01T00:00:00Z"), lt: new Date("2024-05-01T00:00:00Z") } };
    expect(await db.assignment.count({ where: { AND: [assignmentScope(desk, "task.read"), period] } })).toBe(7);

    expect((await getDeskSummaryReport(rivalDesk, { from: "2024-01", to: "2024-03" })).total).toEqual({
      tasks: 1,
      value: [{ currency: "GBP", total: "5000.00" }],
      unvaluedTasks: 0,
    });
    // Another contractor naming this contractor's client still sees only its own tasks.
    expect(
      (await getDeskSummaryReport(rivalDesk, { from: "2024-01", to: "2024-03", client: second.organisationId })).total
        .tasks,
    ).toBe(0);
    const nobody: TDeskActor = { ...desk, companies: [] };
    expect((await getDeskSummaryReport(nobody, { from: "2024-01", to: "2024-03" })).total.tasks).toBe(0);
  });
});

describe("Desk status report", () => {
  it("buckets open tasks by whole days since offered and status, counts overdue work, and lists the oldest and most overdue", async () => {
    const { first, second, rivals, desk, rivalDesk } = await twoClientsAndARival();
    const asOf = new Date("2024-06-15T12:00:00Z");
    const ago = (days: number) => new Date(asOf.getTime() - days * DAY);
    const justNow = await task({ ...first, status: "OFFERED", offeredAt: ago(1 / 24) });
    const sevenDays = await task({ ...first, status: "OFFERED", offeredAt: ago(7.99) });
    const lateAccepted = await task({
      ...first,
      status: "ACCEPTED",
      offeredAt: ago(8),
      dueAt: new Date("2024-06-01T00:00:00Z"),
    });
    const scheduled = await task({
      ...first,
      status: "SCHEDULED",
      offeredAt: ago(30.5),
      dueAt: new Date("2024-07-01T00:00:00Z"),
    });
    const lateInProgress = await task({
      ...second,
      status: "IN_PROGRESS",
      offeredAt: ago(31),
      dueAt: new Date("2024-06-14T00:00:00Z"),
    });
    // Performed work is not overdue, however late its due date.
    const completed = await task({
      ...first,
      status: "COMPLETED",
      offeredAt: ago(100),
      dueAt: new Date("2024-05-01T00:00:00Z"),
    });
    const reviewed = await task({ ...second, status: "REVIEWED", offeredAt: ago(200) });
    for (const status of ["INVOICED", "DECLINED", "CANCELLED"] as const)
      await task({ ...first, status, offeredAt: ago(300), dueAt: ago(250) });
    await task({ ...rivals, status: "OFFERED", offeredAt: ago(400), dueAt: ago(300) });

    const report = await getDeskStatusReport(desk, {}, asOf);
    expect(report.buckets).toEqual(["0–7 days", "8–30 days", "31–90 days", "Over 90 days"]);
    expect(report.rows.map((r) => [r.status, r.byAge, r.total, r.overdue])).toEqual([
      ["OFFERED", [2, 0, 0, 0], 2, 0],
      ["ACCEPTED", [0, 1, 0, 0], 1, 1],
      ["SCHEDULED", [0, 1, 0, 0], 1, 0],
      ["IN_PROGRESS", [0, 0, 1, 0], 1, 1],
      ["REVISIT", [0, 0, 0, 0], 0, 0],
      ["PERFORMED", [0, 0, 0, 0], 0, 0],
      ["COMPLETED", [0, 0, 0, 1], 1, 0],
    ]);
    // Reviewed work waits only for its invoice, invoiced work for nothing: neither is open.
    expect(report.totals).toEqual({ byAge: [2, 2, 1, 1], total: 6, overdue: 2 });
    expect(report.oldest.map((t) => t.id)).not.toContain(reviewed);
    expect(report.oldest.map((t) => t.id)).toEqual([
      completed,
      lateInProgress,
      scheduled,
      lateAccepted,
      sevenDays,
      justNow,
    ]);
    expect(report.oldest.map((t) => t.ageDays)).toEqual([100, 31, 30, 8, 7, 0]);
    expect(report.overdue.map((t) => t.id)).toEqual([lateAccepted, lateInProgress]);

    const secondOnly = await getDeskStatusReport(desk, { client: second.organisationId }, asOf);
    expect(secondOnly.totals).toEqual({ byAge: [0, 0, 1, 0], total: 1, overdue: 1 });
    expect(secondOnly.overdue.map((t) => t.id)).toEqual([lateInProgress]);

    const rivalReport = await getDeskStatusReport(rivalDesk, {}, asOf);
    expect(rivalReport.totals).toEqual({ byAge: [0, 0, 0, 1], total: 1, overdue: 1 });
    expect(rivalReport.oldest).toHaveLength(1);
    expect(rivalReport.oldest.map((t) => t.id)).not.toContain(reviewed);
  });
});

describe("Desk reports on each client's calendar", () => {
  it("puts a task in the month, and judges a due date past, by its client organisation's clock", async () => {
    const { first, second, desk } = await twoClientsAndARival();
    await db.organisation.update({ where: { id: second.organisationId }, data: { timezone: "Australia/Sydney" } });
    // 20:00 UTC on 31 January is 07:00 on 1 February in Sydney, still 31 January in London.
    await task({ ...first, status: "OFFERED", offeredAt: new Date("2024-01-31T20:00:00Z") });
    await task({ ...second, status: "OFFERED", offeredAt: new Date("2024-01-31T20:00:00Z") });
    const summary = await getDeskSummaryReport(desk, { from: "2024-01", to: "2024-02" });
    expect(summary.months.map((m) => [m.month, m.total.tasks])).toEqual([
      ["2024-01", 1],
      ["2024-02", 1],
    ]);

    // At 15:00 UTC on 14 June it is already 15 June in Sydney: a task due on the 14th is
    // late there, and not yet in London, where the 14th has hours to go.
    const asOf = new Date("2024-06-14T15:00:00Z");
    const dueOn14th = new Date("2024-06-14T00:00:00Z");
    const london = await task({
      ...first,
      status: "ACCEPTED",
      offeredAt: new Date("2024-06-01T09:00:00Z"),
      dueAt: dueOn14th,
    });
    const sydney = await task({
      ...second,
      status: "ACCEPTED",
      offeredAt: new Date("2024-06-01T09:00:00Z"),
      dueAt: dueOn14th,
    });
    const report = await getDeskStatusReport(desk, {}, asOf);
    expect(report.overdue.map((t) => t.id)).toEqual([sydney]);
    expect(report.totals.overdue).toBe(1);
    expect(report.oldest.filter((t) => t.pastDue).map((t) => t.id)).toEqual([sydney]);
    expect(report.oldest.map((t) => t.id)).toContain(london);
  });
});
