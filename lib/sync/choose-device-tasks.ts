import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { TTechActor } from "@/lib/auth/actor";
import { techAssignmentSqlScope } from "@/lib/authz/sql-scopes";
import { db } from "@/lib/db";

export type TDeviceTaskChoice = { ids: string[]; openLeftOut: number };

// Which of a technician's tasks their phone keeps, when there are more than it may hold:
// the open ones by urgency (on site now, revisits, today's visits, upcoming visits by
// date, then overdue visits, most recent first, then undated ones, newest first), then
// recently finished ones while room is left. "Today" is the task's organisation's day.
// One statement, so the order and the count of open tasks left out agree.
export async function chooseDeviceTasks(actor: TTechActor, limit: number, now: Date): Promise<TDeviceTaskChoice> {
  const rows = await db.$queryRaw<{ id: string; open: boolean; total_open: number }[]>(Prisma.sql`
    WITH scoped AS (
      SELECT a.id, a.status, a."createdAt",
             COALESCE(a."scheduledAt", a."plannedAt") AS visit_at,
             -- Prisma keeps instants as UTC in timestamp columns without a zone.
             ((COALESCE(a."scheduledAt", a."plannedAt") AT TIME ZONE 'UTC') AT TIME ZONE o.timezone)::date AS visit_day,
             (${now}::timestamptz AT TIME ZONE o.timezone)::date AS today,
             COALESCE(a."completedAt", a."performedAt", a."updatedAt") AS finished_at
      FROM "Assignment" a JOIN "Organisation" o ON o.id = a."organisationId"
      WHERE ${techAssignmentSqlScope(actor)}
    ), ranked AS (
      SELECT id, visit_at, "createdAt", finished_at,
             CASE
               WHEN status = 'IN_PROGRESS' THEN 0
               WHEN status = 'REVISIT' THEN 1
               WHEN status IN ('ACCEPTED', 'SCHEDULED') AND visit_day = today THEN 2
               WHEN status IN ('ACCEPTED', 'SCHEDULED') AND visit_day > today THEN 3
               WHEN status IN ('ACCEPTED', 'SCHEDULED') AND visit_day < today THEN 4
               WHEN status IN ('ACCEPTED', 'SCHEDULED') THEN 5
               ELSE 6
             END AS urgency
      FROM scoped
    )
    SELECT id, urgency < 6 AS open, (COUNT(*) FILTER (WHERE urgency < 6) OVER ())::int AS total_open
    FROM ranked
    ORDER BY urgency,
             CASE WHEN urgency IN (2, 3) THEN visit_at END ASC,
             CASE WHEN urgency = 4 THEN visit_at END DESC,
             CASE WHEN urgency = 6 THEN finished_at END DESC,
             "createdAt" DESC, id
    LIMIT ${limit}`);
  const openKept = rows.filter((r) => r.open).length;
  return { ids: rows.map((r) => r.id), openLeftOut: rows.length ? rows[0].total_open - openKept : 0 };
}
