import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TStaffActor } from "@/lib/auth/actor";
import { LIVE_STATUSES } from "@/lib/assignments/status-machine";
import { workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import type { TWorkOrderListFilters } from "./schemas";

export const PAGE_SIZE = 50;

// Keyset pagination: the cursor is the last row's sort value and its number (unique per
// organisation), so page 2,000 costs what page 1 costs. No count(*) over the table.
const SORT_COLUMNS = { number: "number", created: "createdAt", sla: "slaDueAt", due: "dueAt" } as const;
type TSortColumn = (typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS];
const NULLABLE: TSortColumn[] = ["slaDueAt", "dueAt"];
type TCursor = { value: string | null; number: number };

export function encodeCursor(cursor: TCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(value: string | undefined): TCursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString()) as TCursor;
    if (!Number.isInteger(parsed.number) || (parsed.value !== null && typeof parsed.value !== "string")) return null;
    if (parsed.value !== null && Number.isNaN(new Date(parsed.value).getTime())) return null;
    return parsed;
  } catch {
    return null;
  }
}

const startOfDay = (day: string) => new Date(`${day}T00:00:00.000Z`);
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999Z`);

export function workOrderFilterWhere(actor: TStaffActor, filters: TWorkOrderListFilters, now = new Date()): Prisma.WorkOrderWhereInput[] {
  const conditions: Prisma.WorkOrderWhereInput[] = [workOrderScope(actor), { archivedAt: null }];
  if (filters.status) conditions.push({ status: filters.status });
  if (filters.priority) conditions.push({ priority: filters.priority });
  if (filters.site) conditions.push({ siteId: filters.site });
  if (filters.trade) conditions.push({ categoryId: filters.trade });
  if (filters.contractor) conditions.push({ assignments: { some: { contractorCompanyId: filters.contractor, status: { in: LIVE_STATUSES } } } });
  if (filters.createdFrom) conditions.push({ createdAt: { gte: startOfDay(filters.createdFrom) } });
  if (filters.createdTo) conditions.push({ createdAt: { lte: endOfDay(filters.createdTo) } });
  if (filters.dueFrom) conditions.push({ dueAt: { gte: startOfDay(filters.dueFrom) } });
  if (filters.dueTo) conditions.push({ dueAt: { lte: endOfDay(filters.dueTo) } });
  if (filters.breached) conditions.push({ slaDueAt: { lt: now }, status: { notIn: ["COMPLETED", "CANCELLED"] } });
  if (filters.q) {
    const byNumber = /^#?\d{1,9}$/.test(filters.q) ? [{ number: Number(filters.q.replace("#", "")) }] : [];
    conditions.push({ OR: [{ title: { contains: filters.q, mode: "insensitive" } }, ...byNumber] });
  }
  return conditions;
}

function afterCursor(column: TSortColumn, dir: "asc" | "desc", cursor: TCursor): Prisma.WorkOrderWhereInput {
  const beyond = dir === "asc" ? "gt" : "lt";
  if (column === "number") return { number: { [beyond]: cursor.number } };
  // Rows without a value sort last whichever the direction.
  if (cursor.value === null) return { [column]: null, number: { [beyond]: cursor.number } };
  const value = new Date(cursor.value);
  const later = [{ [column]: { [beyond]: value } }, { [column]: value, number: { [beyond]: cursor.number } }];
  return { OR: NULLABLE.includes(column) ? [...later, { [column]: null }] : later };
}

export async function listWorkOrders(actor: TStaffActor, filters: TWorkOrderListFilters, pageSize = PAGE_SIZE) {
  const column = SORT_COLUMNS[filters.sort];
  const cursor = decodeCursor(filters.after);
  const conditions = workOrderFilterWhere(actor, filters);
  if (cursor) conditions.push(afterCursor(column, filters.dir, cursor));
  const orderBy: Prisma.WorkOrderOrderByWithRelationInput[] =
    column === "number"
      ? [{ number: filters.dir }]
      : [{ [column]: NULLABLE.includes(column) ? { sort: filters.dir, nulls: "last" } : filters.dir }, { number: filters.dir }];
  const rows = await db.workOrder.findMany({
    where: { AND: conditions },
    orderBy,
    take: pageSize + 1,
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      priority: true,
      dueAt: true,
      slaDueAt: true,
      createdAt: true,
      purchaseOrder: true,
      notToExceedCents: true,
      site: { select: { name: true } },
      category: { select: { name: true } },
      assignments: {
        where: { status: { in: LIVE_STATUSES } },
        select: { status: true, contractorCompany: { select: { name: true } } },
        take: 1,
      },
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor =
    rows.length > pageSize && last
      ? encodeCursor({ value: column === "number" ? null : ((last[column] as Date | null)?.toISOString() ?? null), number: last.number })
      : null;
  return { rows: page, nextCursor };
}
