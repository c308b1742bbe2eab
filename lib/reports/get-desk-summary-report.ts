import "server-only";
import { AssignmentStatus, Prisma } from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { deskAssignmentSqlScope } from "@/lib/authz/sql-scopes";
import { addMonths, monthsBetween, monthStart } from "./report-period";
import type { TDeskReportFilters } from "./schemas";

export type TSummaryFigure = { tasks: number; valueCents: number; unvaluedTasks: number };
type TStatusFigures = Partial<Record<AssignmentStatus, TSummaryFigure>>;
export type TSummaryMonth = { month: string; total: TSummaryFigure; byStatus: TStatusFigures };

type TSummaryRow = { month: string; status: AssignmentStatus; tasks: number; value_cents: number; unvalued_tasks: number };

const LIFECYCLE_ORDER = Object.values(AssignmentStatus);
const empty = (): TSummaryFigure => ({ tasks: 0, valueCents: 0, unvaluedTasks: 0 });

function add(into: TSummaryFigure, row: TSummaryRow) {
  into.tasks += row.tasks;
  into.valueCents += row.value_cents;
  into.unvaluedTasks += row.unvalued_tasks;
}

// Work received: the tasks offered to the person's companies in each month of the period
// (by offeredAt, UTC), counted by the status each task has today. The value of a task is
// its work order's not-to-exceed amount: the only money figure every task carries
// (invoices are not recorded yet); tasks without one are counted as unvalued so the total
// is not mistaken for complete. One grouped query, whatever the number of tasks.
export async function getDeskSummaryReport(actor: TDeskActor, filters: TDeskReportFilters) {
  const start = monthStart(filters.from).toISOString();
  const end = monthStart(addMonths(filters.to, 1)).toISOString();
  const clientCondition = filters.client ? Prisma.sql`AND a."organisationId" = ${filters.client}` : Prisma.empty;
  // ::timestamp on the ISO text keeps the comparison in UTC whatever the session time zone;
  // sums are float8 because a bigint would come back as a JS BigInt.
  const rows = await db.$queryRaw<TSummaryRow[]>`
    SELECT to_char(date_trunc('month', a."offeredAt"), 'YYYY-MM') AS month,
           a.status::text AS status,
           count(*)::int AS tasks,
           coalesce(sum(w."notToExceedCents"), 0)::float8 AS value_cents,
           (count(*) FILTER (WHERE w."notToExceedCents" IS NULL))::int AS unvalued_tasks
    FROM "Assignment" a JOIN "WorkOrder" w ON w.id = a."workOrderId"
    WHERE ${deskAssignmentSqlScope(actor)}
      AND a."offeredAt" >= ${start}::timestamp AND a."offeredAt" < ${end}::timestamp
      ${clientCondition}
    GROUP BY 1, 2`;

  const months = new Map<string, TSummaryMonth>(monthsBetween(filters.from, filters.to).map((month) => [month, { month, total: empty(), byStatus: {} }]));
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
