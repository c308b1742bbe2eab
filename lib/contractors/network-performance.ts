import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

type TPerformanceRow = {
  contractorCompanyId: string;
  offered: number;
  accepted_hours: number | null;
  completed_with_due: number;
  on_time: number;
};

export type TNetworkPerformance = { offered: number; averageHoursToAccept: number | null; onTimeRate: number | null };

// How companies perform for one organisation: tasks offered, the average hours from offer
// to acceptance, and the share finished by the due day. companyIds: those companies
// (through the company/organisation index), or null for every one.
export async function networkPerformance(
  organisationId: string,
  companyIds: string[] | null,
): Promise<Map<string, TNetworkPerformance>> {
  if (companyIds?.length === 0) return new Map();
  // On time: completed before the due day ended on the organisation's clock. A due date is
  // a calendar day, kept as its midnight UTC; the columns hold UTC wall times.
  const dueDayEnd = Prisma.sql`((w."dueAt" + interval '1 day') AT TIME ZONE o.timezone) AT TIME ZONE 'UTC'`;
  const rows = await db.$queryRaw<TPerformanceRow[]>`
    SELECT a."contractorCompanyId",
           count(*)::int AS offered,
           (avg(EXTRACT(EPOCH FROM (a."respondedAt" - a."offeredAt")) / 3600) FILTER (WHERE a."respondedAt" IS NOT NULL AND a.status <> 'DECLINED'))::float AS accepted_hours,
           (count(*) FILTER (WHERE a."completedAt" IS NOT NULL AND w."dueAt" IS NOT NULL))::int AS completed_with_due,
           (count(*) FILTER (WHERE a."completedAt" IS NOT NULL AND w."dueAt" IS NOT NULL AND a."completedAt" < ${dueDayEnd}))::int AS on_time
    FROM "Assignment" a JOIN "WorkOrder" w ON w.id = a."workOrderId" JOIN "Organisation" o ON o.id = a."organisationId"
    WHERE a."organisationId" = ${organisationId}
      ${companyIds ? Prisma.sql`AND a."contractorCompanyId" IN (${Prisma.join(companyIds)})` : Prisma.empty}
    GROUP BY a."contractorCompanyId"`;
  return new Map(
    rows.map((p) => [
      p.contractorCompanyId,
      {
        offered: p.offered,
        averageHoursToAccept: p.accepted_hours,
        onTimeRate: p.completed_with_due > 0 ? p.on_time / p.completed_with_due : null,
      },
    ]),
  );
}
