import "server-only";
import { AssignmentStatus, Prisma } from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { deskAssignmentSqlScope } from "@/lib/authz/sql-scopes";
import { totalByCurrency } from "@/lib/money/total-by-currency";
import { addMonths, monthsBetween, monthStart } from "./report-period";
import type { TDeskReportFilters } from "./schemas";

// A value per currency: clients bill in their own, and two currencies are never added.
export type TSummaryFigure = { tasks: number; value: { currency: string; total: string }[]; unvaluedTasks: number };
type TStatusFigures = Partial<Record<AssignmentStatus, TSummaryFigure>>;
export type TSummaryMonth = { month: string; total: TSummaryFigure; byStatus: TStatusFigures };

type TSummaryRow = {
  month: string;
  status: AssignmentStatus;
  currency: string;
  tasks: number;
  // PostgreSQL's exact sum of the numeric, as text.
  value: string;
  unvalued_tasks: number;
};

const DAY_MS = 86_400_000;
const LIFECYCLE_ORDER = Object.values(AssignmentStatus);
const empty = (): TSummaryFigure => ({ tasks: 0, value: [], unvaluedTasks: 0 });

function add(into: TSummaryFigure, row: TSummaryRow) {
  into.tasks += row.tasks;
  into.value = totalByCurrency([
    ...into.value.map(({ currency, total }) => ({ currency, amount: total })),
    { currency: row.currency, amount: row.value },
  ]);
  into.unvaluedTasks += row.unvalued_tasks;
}

// Work received: the tasks offered to the person's companies in each month of the period
// (the month on the calendar of the task's client organisation), counted by the status each task has today. The value of a task is
// its work order's not-to-exceed amount: the only money figure every task carries
// (invoices are not recorded yet); tasks without one are counted as unvalued so the total
// is not mistaken for complete. One grouped query, whatever the number of tasks.
export async function getDeskSummaryReport(actor: TDeskActor, filters: TDeskReportFilters) {
  // Month starts as wall clocks ("2024-02-01 00:00"), compared with each task's offer time
  // read in its organisation's zone (offeredAt holds UTC).
  const start = monthStart(filters.from).toISOString().slice(0, 19);
  const end = monthStart(addMonths(filters.to, 1)).toISOString().slice(0, 19);
  // Every zone is within a day of UTC: a wider range in UTC keeps the offeredAt index useful.
  const scanFrom = new Date(monthStart(filters.from).getTime() - DAY_MS).toISOString();
  const scanTo = new Date(monthStart(addMonths(filters.to, 1)).getTime() + DAY_MS).toISOString();
  const clientCondition = filters.client ? Prisma.sql`AND a."organisationId" = ${filters.client}` : Prisma.empty;
  const rows = await db.$queryRaw<TSummaryRow[]>`
    WITH offered AS (
      SELECT a.status, w."notToExceed", o.currency, (a."offeredAt" AT TIME ZONE 'UTC') AT TIME ZONE o.timezone AS local_offered_at
      FROM "Assignment" a JOIN "WorkOrder" w ON w.id = a."workOrderId" JOIN "Organisation" o ON o.id = a."organisationId"
      WHERE ${deskAssignmentSqlScope(actor)} ${clientCondition}
        AND a."offeredAt" >= ${scanFrom}::timestamp AND a."offeredAt" < ${scanTo}::timestamp
    )
    SELECT to_char(date_trunc('month', local_offered_at), 'YYYY-MM') AS month,
           status::text AS status,
           currency,
           count(*)::int AS tasks,
           coalesce(sum("notToExceed"), 0)::text AS value,
           (count(*) FILTER (WHERE "notToExceed" IS NULL))::int AS unvalued_tasks
    FROM offered
    WHERE local_offered_at >= ${start}::timestamp AND local_offered_at < ${end}::timestamp
    GROUP BY 1, 2, 3`;

  const months = new Map<string, TSummaryMonth>(
    monthsBetween(filters.from, filters.to).map((month) => [month, { month, total: empty(), byStatus: {} }]),
  );
  const byStatus: TStatusFigures = {};
  const total = empty();
  for (const row of rows) {
    const month = months.get(row.month);
    if (!month) continue;
    add((month.byStatus[row.status] ??= empty()), row);
    add(month.total, row);
    add((byStatus[row.status] ??= empty()), row);
    add(total, row);
  }
  return {
    from: filters.from,
    to: filters.to,
    statuses: LIFECYCLE_ORDER.filter((status) => byStatus[status]),
    months: [...months.values()],
    byStatus,
    total,
  };
}

export type TDeskSummaryReport = Awaited<ReturnType<typeof getDeskSummaryReport>>;
