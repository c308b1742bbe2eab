import "server-only";
import type { Prisma, WorkOrderStatus } from "@/generated/prisma/client";
import type { TStaffActor } from "@/lib/auth/actor";
import { workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

const PAGE_SIZE = 50;

// Keyset pagination on (createdAt desc, id desc): page N costs the same as page 1.
type TCursor = { createdAt: Date; id: string };

export function encodeCursor(cursor: TCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string | undefined): TCursor | null {
  if (!value) return null;
  const [iso, id] = Buffer.from(value, "base64url").toString().split("|");
  const createdAt = new Date(iso ?? "");
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

export async function listWorkOrders(actor: TStaffActor, filters: { q?: string; status?: WorkOrderStatus; after?: string }) {
  const cursor = decodeCursor(filters.after);
  const conditions: Prisma.WorkOrderWhereInput[] = [workOrderScope(actor), { archivedAt: null }];
  if (filters.status) conditions.push({ status: filters.status });
  if (filters.q) {
    const byNumber = /^\d{1,9}$/.test(filters.q) ? [{ number: Number(filters.q) }] : [];
    conditions.push({ OR: [{ title: { contains: filters.q, mode: "insensitive" } }, ...byNumber] });
  }
  if (cursor) conditions.push({ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] });
  const where: Prisma.WorkOrderWhereInput = { AND: conditions };
  const rows = await db.workOrder.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      number: true,
      title: true,
      status: true,
      priority: true,
      dueAt: true,
      slaDueAt: true,
      createdAt: true,
      site: { select: { name: true } },
      assignments: {
        where: { status: { notIn: ["CANCELLED", "DECLINED"] } },
        select: { status: true, contractorCompany: { select: { name: true } } },
        orderBy: { offeredAt: "desc" },
        take: 1,
      },
    },
  });
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last) : null };
}
