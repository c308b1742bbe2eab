import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import type { TDeskTaskListFilters } from "./schemas";

export const DESK_PAGE_SIZE = 100;

// Keyset on (createdAt, id), newest first: every page costs the same with thousands of tasks.
function decodeCursor(value: string | undefined): { createdAt: Date; id: string } | null {
  if (!value) return null;
  const [iso, id] = Buffer.from(value, "base64url").toString().split("|");
  const createdAt = new Date(iso ?? "");
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

// The Desk dashboard: every task offered to the person's companies, across clients.
export async function listDeskTasks(actor: TDeskActor, filters: TDeskTaskListFilters = {}, pageSize = DESK_PAGE_SIZE) {
  const conditions: Prisma.AssignmentWhereInput[] = [assignmentScope(actor, "task.read")];
  if (filters.status) conditions.push({ status: filters.status });
  if (filters.client) conditions.push({ organisationId: filters.client });
  if (filters.technician) conditions.push({ technicians: { some: { personId: filters.technician } } });
  if (filters.q) {
    const byNumber = /^#?\d{1,9}$/.test(filters.q) ? [{ workOrder: { number: Number(filters.q.replace("#", "")) } }] : [];
    conditions.push({ OR: [{ workOrder: { title: { contains: filters.q, mode: "insensitive" } } }, { workOrder: { site: { name: { contains: filters.q, mode: "insensitive" } } } }, ...byNumber] });
  }
  const cursor = decodeCursor(filters.after);
  if (cursor) conditions.push({ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] });
  const rows = await db.assignment.findMany({
    where: { AND: conditions },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      status: true,
      createdAt: true,
      offeredAt: true,
      plannedAt: true,
      scheduledAt: true,
      organisationId: true,
      organisation: { select: { name: true } },
      contractorCompany: { select: { name: true } },
      workOrder: { select: { number: true, title: true, priority: true, dueAt: true, site: { select: { name: true, city: true } } } },
      technicians: { select: { person: { select: { user: { select: { name: true } } } } } },
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor = rows.length > pageSize && last ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString("base64url") : null;
  return { rows: page, nextCursor };
}

// The clients whose tasks the person sees, for the client filter.
export async function listDeskClients(actor: TDeskActor) {
  const clients = await db.organisation.findMany({
    where: { assignments: { some: assignmentScope(actor, "task.read") } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return clients;
}
