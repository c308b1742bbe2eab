import "server-only";
import { Prisma, type AssignmentStatus } from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { deskAssignmentSqlScope } from "@/lib/authz/sql-scopes";
import { isPastDue } from "@/lib/time/past-due";

const DAY_MS = 86_400_000;
export const TASK_LIST_SIZE = 15;

// Open: work the contractor still has to do or hand over, up to the client's review.
// Reviewed work waits only for the invoice, and invoiced work for nothing: neither is open.
export const OPEN_STATUSES: AssignmentStatus[] = [
  "OFFERED",
  "ACCEPTED",
  "SCHEDULED",
  "IN_PROGRESS",
  "REVISIT",
  "PERFORMED",
  "COMPLETED",
];

// Overdue means the client's due date passed before the work was done; once performed,
// the task is waiting on paperwork or the client, not on the contractor's visit. A due
// date is a calendar day (stored as its midnight UTC) that ends at midnight on the
// client organisation's clock.
export const AWAITING_WORK_STATUSES: AssignmentStatus[] = [
  "OFFERED",
  "ACCEPTED",
  "SCHEDULED",
  "IN_PROGRESS",
  "REVISIT",
];

// Whole days since the task was offered; the last bucket has no upper bound.
export const AGE_BUCKETS = [
  { label: "0–7 days", maxDays: 7 },
  { label: "8–30 days", maxDays: 30 },
  { label: "31–90 days", maxDays: 90 },
  { label: "Over 90 days", maxDays: null },
] as const;

type TStatusRow = { status: AssignmentStatus; bucket: number; tasks: number; overdue: number };

const statusIn = (statuses: readonly AssignmentStatus[]) =>
  Prisma.join(statuses.map((status) => Prisma.sql`${status}::"AssignmentStatus"`));

function pastDueSql(asOf: Date): Prisma.Sql {
  return Prisma.sql`((w."dueAt" + interval '1 day') AT TIME ZONE o.timezone) <= ${asOf.toISOString()}::timestamptz`;
}

// A task is at most `maxDays` whole days old when it was offered less than maxDays + 1 days ago.
function ageBucketSql(asOf: Date): Prisma.Sql {
  const branches = AGE_BUCKETS.map((bucket, index) =>
    bucket.maxDays === null
      ? Prisma.sql`ELSE ${index}`
      : Prisma.sql`WHEN a."offeredAt" > ${new Date(asOf.getTime() - (bucket.maxDays + 1) * DAY_MS).toISOString()}::timestamp THEN ${index}`,
  );
  return Prisma.sql`(CASE ${Prisma.join(branches, " ")} END)::int`;
}

// Open tasks as of `asOf`, by status and age since offered, with the overdue ones counted,
// plus the oldest and the most overdue tasks to chase. Counts are one grouped query; the
// two lists are short keyed reads.
export async function getDeskStatusReport(actor: TDeskActor, filters: { client?: string }, asOf = new Date()) {
  const clientCondition = filters.client ? Prisma.sql`AND a."organisationId" = ${filters.client}` : Prisma.empty;
  const openWhere: Prisma.AssignmentWhereInput = {
    AND: [
      assignmentScope(actor, "task.read"),
      { status: { in: OPEN_STATUSES } },
      filters.client ? { organisationId: filters.client } : {},
    ],
  };
  const taskSelect = {
    id: true,
    status: true,
    offeredAt: true,
    organisation: { select: { name: true, timezone: true } },
    workOrder: { select: { number: true, title: true, dueAt: true, site: { select: { name: true } } } },
  } satisfies Prisma.AssignmentSelect;

  const [rows, oldest, overdueIds] = await Promise.all([
    db.$queryRaw<TStatusRow[]>`
      SELECT a.status::text AS status,
             ${ageBucketSql(asOf)} AS bucket,
             count(*)::int AS tasks,
             (count(*) FILTER (WHERE ${pastDueSql(asOf)} AND a.status IN (${statusIn(AWAITING_WORK_STATUSES)})))::int AS overdue
      FROM "Assignment" a JOIN "WorkOrder" w ON w.id = a."workOrderId" JOIN "Organisation" o ON o.id = a."organisationId"
      WHERE ${deskAssignmentSqlScope(actor)}
        AND a.status IN (${statusIn(OPEN_STATUSES)})
        ${clientCondition}
      GROUP BY 1, 2`,
    db.assignment.findMany({
      where: openWhere,
      orderBy: [{ offeredAt: "asc" }, { id: "asc" }],
      take: TASK_LIST_SIZE,
      select: taskSelect,
    }),
    db.$queryRaw<{ id: string }[]>`
      SELECT a.id
      FROM "Assignment" a JOIN "WorkOrder" w ON w.id = a."workOrderId" JOIN "Organisation" o ON o.id = a."organisationId"
      WHERE ${deskAssignmentSqlScope(actor)}
        AND a.status IN (${statusIn(AWAITING_WORK_STATUSES)})
        AND ${pastDueSql(asOf)}
        ${clientCondition}
      ORDER BY w."dueAt", a.id
      LIMIT ${TASK_LIST_SIZE}`,
  ]);
  const overdueTasks = await db.assignment.findMany({
    where: { id: { in: overdueIds.map((row) => row.id) } },
    select: taskSelect,
  });
  const overdue = overdueIds.map((row) => overdueTasks.find((task) => task.id === row.id)!);

  const byStatus = new Map(
    OPEN_STATUSES.map((status) => [status, { status, byAge: AGE_BUCKETS.map(() => 0), total: 0, overdue: 0 }]),
  );
  const totals = { byAge: AGE_BUCKETS.map(() => 0), total: 0, overdue: 0 };
  for (const row of rows) {
    const line = byStatus.get(row.status);
    if (!line) continue;
    for (const into of [line, totals]) {
      into.byAge[row.bucket] += row.tasks;
      into.total += row.tasks;
      into.overdue += row.overdue;
    }
  }
  const withAge = (task: (typeof oldest)[number]) => ({
    ...task,
    ageDays: Math.max(0, Math.floor((asOf.getTime() - task.offeredAt.getTime()) / DAY_MS)),
    pastDue:
      AWAITING_WORK_STATUSES.includes(task.status) && isPastDue(task.workOrder.dueAt, task.organisation.timezone, asOf),
  });
  return {
    asOf,
    buckets: AGE_BUCKETS.map((b) => b.label),
    rows: [...byStatus.values()],
    totals,
    oldest: oldest.map(withAge),
    overdue: overdue.map(withAge),
  };
}

export type TDeskStatusReport = Awaited<ReturnType<typeof getDeskStatusReport>>;
