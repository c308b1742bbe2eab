import "server-only";
import { Prisma, type AssignmentStatus, type Priority, type WorkOrderStatus } from "@/generated/prisma/client";
import type { TStaffActor } from "@/lib/auth/actor";
import { LIVE_STATUSES } from "@/lib/assignments/status-machine";
import { workOrderSqlScope } from "@/lib/authz/sql-scopes";
import { asJsonArray, fromJsonRow } from "@/lib/database/json-rows";
import { db } from "@/lib/db";
import { COUNT_CAP, type TCapped } from "@/lib/lists/count-cap";
import { listRead, readTogether, type TRead } from "@/lib/database/read-together";
import { attentionCondition } from "./attention";
import {
  decodeCursor,
  keysetAfter,
  keysetBefore,
  keysetOrderBy,
  keysetPage,
  keysetPageBefore,
  type TSortKey,
} from "@/lib/lists/keyset";
import { containsPattern, searchedNumber } from "@/lib/lists/text-search";
import { startOfDayInZone, startOfNextDayInZone } from "@/lib/time/zones";
import type { TWorkOrderListFilters } from "./schemas";

export const PAGE_SIZE = 50;

export type TWorkOrderListRow = {
  id: string;
  number: number;
  title: string;
  status: WorkOrderStatus;
  priority: Priority;
  dueAt: Date | null;
  slaDueAt: Date | null;
  createdAt: Date;
  purchaseOrder: string | null;
  // Exact, as text (a JSON number would be a float).
  notToExceed: string | null;
  site: { name: string };
  category: { name: string } | null;
  // The live assignment, if any: at most one; visitAt: its visit (scheduled, else planned), ISO.
  assignments: { status: AssignmentStatus; contractorCompany: { name: string }; visitAt: string | null }[];
};

// Every sort ends in the number, unique within the organisation, so equal dates never
// skip or repeat a row between pages.
const byNumber: TSortKey<TWorkOrderListRow> = { sql: Prisma.sql`w.number`, type: "int", of: (wo) => wo.number };
const SORT_KEYS: Record<TWorkOrderListFilters["sort"], TSortKey<TWorkOrderListRow>[]> = {
  number: [byNumber],
  created: [{ sql: Prisma.sql`w."createdAt"`, type: "timestamp", of: (wo) => wo.createdAt }, byNumber],
  sla: [{ sql: Prisma.sql`w."slaDueAt"`, type: "timestamp", nullable: true, of: (wo) => wo.slaDueAt }, byNumber],
  due: [{ sql: Prisma.sql`w."dueAt"`, type: "timestamp", nullable: true, of: (wo) => wo.dueAt }, byNumber],
};

// Days are the organisation's: [its midnight, the next midnight), as instants. Columns
// hold UTC without a zone, as Prisma writes them.
const dayStart = (day: string, zone: string) => startOfDayInZone(day, zone).toISOString();
const nextDayStart = (day: string, zone: string) => startOfNextDayInZone(day, zone).toISOString();

function filterConditions(actor: TStaffActor, filters: TWorkOrderListFilters, now: Date): Prisma.Sql[] {
  const conditions = [workOrderSqlScope(actor), Prisma.sql`w."archivedAt" IS NULL`];
  if (filters.status) conditions.push(Prisma.sql`w.status = ${filters.status}::"WorkOrderStatus"`);
  if (filters.priority) conditions.push(Prisma.sql`w.priority = ${filters.priority}::"Priority"`);
  if (filters.site) conditions.push(Prisma.sql`w."siteId" = ${filters.site}`);
  if (filters.trade) conditions.push(Prisma.sql`w."categoryId" = ${filters.trade}`);
  if (filters.contractor) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" x WHERE x."workOrderId" = w.id AND x."contractorCompanyId" = ${filters.contractor} AND x.status = ANY(${LIVE_STATUSES}::"AssignmentStatus"[]))`,
    );
  }
  const zone = actor.organisationTimeZone;
  const at = (instant: string) => Prisma.sql`(${instant}::timestamptz AT TIME ZONE 'UTC')`;
  if (filters.createdFrom) conditions.push(Prisma.sql`w."createdAt" >= ${at(dayStart(filters.createdFrom, zone))}`);
  if (filters.createdTo) conditions.push(Prisma.sql`w."createdAt" < ${at(nextDayStart(filters.createdTo, zone))}`);
  // A due date is a calendar day (kept as midnight UTC), not an instant: compared as days.
  if (filters.dueFrom) conditions.push(Prisma.sql`w."dueAt" >= ${`${filters.dueFrom}T00:00:00.000Z`}::timestamp(3)`);
  if (filters.dueTo) conditions.push(Prisma.sql`w."dueAt" <= ${`${filters.dueTo}T23:59:59.999Z`}::timestamp(3)`);
  if (filters.breached)
    conditions.push(
      Prisma.sql`(w."slaDueAt" < ${now.toISOString()}::timestamp(3) AND w.status NOT IN ('COMPLETED', 'CANCELLED'))`,
    );
  if (filters.needs) conditions.push(attentionCondition(filters.needs, now));
  if (filters.q) {
    const number = searchedNumber(filters.q);
    const orNumber = number === null ? Prisma.empty : Prisma.sql` OR w.number = ${number}`;
    conditions.push(Prisma.sql`(w.title ILIKE ${containsPattern(filters.q)}${orNumber})`);
  }
  return conditions;
}

const rowFromJson = fromJsonRow<TWorkOrderListRow>()(["dueAt", "slaDueAt", "createdAt"]);

// One keyset page in one statement: the page of work orders is found first (from the
// organisation's index for the sort), then only those rows are joined to what they show,
// already in the shape the page reads. The statement and its reader are apart so the
// lists benchmark runs this very statement on the bare driver and compares whole rows.
export function workOrderListQuery(
  actor: TStaffActor,
  filters: TWorkOrderListFilters,
  pageSize = PAGE_SIZE,
  now = new Date(),
) {
  const keys = SORT_KEYS[filters.sort];
  const conditions = filterConditions(actor, filters, now);
  // "Previous page" reads backwards from the first row shown; "Next page" forwards from the last.
  const before = filters.after ? null : decodeCursor(filters.before, keys);
  const cursor = before ? null : decodeCursor(filters.after, keys);
  if (cursor) conditions.push(keysetAfter(keys, filters.dir, cursor));
  if (before) conditions.push(keysetBefore(keys, filters.dir, before));
  const order = keysetOrderBy(keys, filters.dir, before !== null);
  const sql = asJsonArray(Prisma.sql`
    WITH page AS (
      SELECT w.id, w.number, w.title, w.status, w.priority, w."dueAt", w."slaDueAt", w."createdAt", w."purchaseOrder", w."notToExceed", w."siteId", w."categoryId"
      FROM "WorkOrder" w
      WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY ${order}
      LIMIT ${pageSize + 1})
    SELECT w.id, w.number, w.title, w.status, w.priority, w."dueAt", w."slaDueAt", w."createdAt", w."purchaseOrder", w."notToExceed"::text AS "notToExceed",
           json_build_object('name', s.name) AS site,
           CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('name', c.name) END AS category,
           CASE WHEN live.status IS NULL THEN '[]' ELSE json_build_array(json_build_object('status', live.status, 'contractorCompany', json_build_object('name', live.name), 'visitAt', to_char(live."visitAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) END AS assignments
    FROM page w
    JOIN "Site" s ON s.id = w."siteId"
    LEFT JOIN "Category" c ON c.id = w."categoryId"
    LEFT JOIN LATERAL (
      SELECT x.status, cc.name, COALESCE(x."scheduledAt", x."plannedAt") AS "visitAt"
      FROM "Assignment" x JOIN "ContractorCompany" cc ON cc.id = x."contractorCompanyId"
      WHERE x."workOrderId" = w.id AND x.status = ANY(${LIVE_STATUSES}::"AssignmentStatus"[])
      ORDER BY x."createdAt" DESC, x.id DESC LIMIT 1) live ON true
    ORDER BY ${order}`);
  const read = ([{ rows }]: { rows: unknown[] }[]) =>
    before
      ? keysetPageBefore(rows.map(rowFromJson), pageSize, keys)
      : keysetPage(rows.map(rowFromJson), pageSize, keys, cursor !== null);
  return { sql, read };
}

type TCountOf = { filters: TWorkOrderListFilters; cap: number };

// Several capped counts as one value, one scalar subquery each (a page's pager, its status
// tabs, what needs attention), each reading at most its cap + 1 index entries.
export function workOrderCountsRead(actor: TStaffActor, counts: TCountOf[], now = new Date()): TRead<TCapped[]> {
  const subqueries = counts.map(
    ({ filters, cap }) => Prisma.sql`(SELECT count(*)::int FROM (
      SELECT 1 FROM "WorkOrder" w WHERE ${Prisma.join(filterConditions(actor, filters, now), " AND ")} LIMIT ${cap + 1}) capped)`,
  );
  return {
    sql: Prisma.sql`SELECT ARRAY[${Prisma.join(subqueries)}]`,
    read: (matches) =>
      (matches as number[]).map((n, i) => ({ matches: Math.min(n, counts[i].cap), more: n > counts[i].cap })),
  };
}

export async function countWorkOrderSets(actor: TStaffActor, counts: TCountOf[], now = new Date()): Promise<TCapped[]> {
  const [counted] = await readTogether([workOrderCountsRead(actor, counts, now)]);
  return counted;
}

// How many work orders match the filters, up to the lists' cap (lib/lists/count-cap.ts).
export async function countWorkOrders(
  actor: TStaffActor,
  filters: TWorkOrderListFilters,
  now = new Date(),
  cap = COUNT_CAP,
): Promise<TCapped> {
  const [count] = await countWorkOrderSets(actor, [{ filters, cap }], now);
  return count;
}

// The page as one read among others of the same page (lib/database/read-together.ts).
export function workOrderListRead(
  actor: TStaffActor,
  filters: TWorkOrderListFilters,
  pageSize = PAGE_SIZE,
  now = new Date(),
) {
  return listRead(workOrderListQuery(actor, filters, pageSize, now));
}

export async function listWorkOrders(
  actor: TStaffActor,
  filters: TWorkOrderListFilters,
  pageSize = PAGE_SIZE,
  now = new Date(),
) {
  const query = workOrderListQuery(actor, filters, pageSize, now);
  return query.read(await db.$queryRaw<{ rows: unknown[] }[]>(query.sql));
}
