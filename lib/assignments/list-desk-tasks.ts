import "server-only";
import { AssignmentStatus, Prisma, type Priority } from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { deskAssignmentSqlScope } from "@/lib/authz/sql-scopes";
import { db } from "@/lib/db";
import { decodeCursor, keysetAfter, keysetOrderBy, keysetPage, type TSortKey } from "@/lib/lists/keyset";
import { containsPattern, searchedNumber } from "@/lib/lists/text-search";
import type { TDeskTaskListFilters } from "./schemas";

export const DESK_PAGE_SIZE = 100;

export type TDeskTaskRow = {
  id: string;
  status: AssignmentStatus;
  createdAt: Date;
  offeredAt: Date;
  plannedAt: Date | null;
  scheduledAt: Date | null;
  organisationId: string;
  organisation: { name: string };
  contractorCompany: { name: string };
  workOrder: { number: number; title: string; priority: Priority; dueAt: Date | null; site: { name: string; city: string } };
  technicians: { person: { user: { name: string } } }[];
};

// Every sort ends in the work order number and the task id, so ties (two tasks due the
// same day, one work order offered twice) never skip or repeat a row between pages.
const tie: TSortKey<TDeskTaskRow>[] = [
  { sql: Prisma.sql`w.number`, type: "int", of: (t) => t.workOrder.number },
  { sql: Prisma.sql`a.id`, type: "text", of: (t) => t.id },
];
const SORT_KEYS: Record<TDeskTaskListFilters["sort"], TSortKey<TDeskTaskRow>[]> = {
  client: [
    { sql: Prisma.sql`o.name`, type: "text", of: (t) => t.organisation.name },
    { sql: Prisma.sql`a."organisationId"`, type: "text", of: (t) => t.organisationId },
    ...tie,
  ],
  site: [{ sql: Prisma.sql`s.name`, type: "text", of: (t) => t.workOrder.site.name }, ...tie],
  // The status order is the lifecycle's (the enum's), not the alphabet's.
  status: [{ sql: Prisma.sql`a.status`, type: { enum: "AssignmentStatus", values: Object.values(AssignmentStatus) }, of: (t) => t.status }, ...tie],
  due: [{ sql: Prisma.sql`w."dueAt"`, type: "timestamp", nullable: true, of: (t) => t.workOrder.dueAt }, ...tie],
  // The Scheduled column shows the visit date, or until there is one the planned date.
  scheduled: [{ sql: Prisma.sql`COALESCE(a."scheduledAt", a."plannedAt")`, type: "timestamp", nullable: true, of: (t) => t.scheduledAt ?? t.plannedAt }, ...tie],
};

type TDeskTaskSqlRow = Omit<TDeskTaskRow, "organisation" | "contractorCompany" | "workOrder" | "technicians"> & {
  organisationName: string;
  companyName: string;
  number: number;
  title: string;
  priority: Priority;
  dueAt: Date | null;
  siteName: string;
  siteCity: string;
  technicianNames: string[];
};

function filterConditions(actor: TDeskActor, filters: Partial<TDeskTaskListFilters>): Prisma.Sql[] {
  const conditions = [deskAssignmentSqlScope(actor, "task.read")];
  if (filters.status) conditions.push(Prisma.sql`a.status = ${filters.status}::"AssignmentStatus"`);
  if (filters.client) conditions.push(Prisma.sql`a."organisationId" = ${filters.client}`);
  if (filters.technician) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "AssignmentTechnician" t WHERE t."assignmentId" = a.id AND t."personId" = ${filters.technician})`);
  }
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    const number = searchedNumber(filters.q);
    const byNumber = number === null ? Prisma.empty : Prisma.sql` OR w.number = ${number}`;
    conditions.push(Prisma.sql`(w.title ILIKE ${pattern} OR s.name ILIKE ${pattern}${byNumber})`);
  }
  return conditions;
}

// The Desk dashboard: every task offered to the person's companies, across clients, one
// keyset page in one statement (the technicians' names folded into each row).
export async function listDeskTasks(actor: TDeskActor, filters: Partial<TDeskTaskListFilters> = {}, pageSize = DESK_PAGE_SIZE) {
  const keys = SORT_KEYS[filters.sort ?? "client"];
  const dir = filters.dir ?? "asc";
  const conditions = filterConditions(actor, filters);
  const cursor = decodeCursor(filters.after, keys);
  if (cursor) conditions.push(keysetAfter(keys, dir, cursor));
  const found = await db.$queryRaw<TDeskTaskSqlRow[]>`
    SELECT a.id, a.status::text AS status, a."createdAt", a."offeredAt", a."plannedAt", a."scheduledAt", a."organisationId",
           o.name AS "organisationName", cc.name AS "companyName",
           w.number, w.title, w.priority::text AS priority, w."dueAt", s.name AS "siteName", s.city AS "siteCity",
           ARRAY(SELECT u.name FROM "AssignmentTechnician" t JOIN "ContractorPerson" p ON p.id = t."personId" JOIN "User" u ON u.id = p."userId"
                 WHERE t."assignmentId" = a.id ORDER BY u.name) AS "technicianNames"
    FROM "Assignment" a
    JOIN "Organisation" o ON o.id = a."organisationId"
    JOIN "ContractorCompany" cc ON cc.id = a."contractorCompanyId"
    JOIN "WorkOrder" w ON w.id = a."workOrderId"
    JOIN "Site" s ON s.id = w."siteId"
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${keysetOrderBy(keys, dir)}
    LIMIT ${pageSize + 1}`;
  const rows: TDeskTaskRow[] = found.map(({ organisationName, companyName, number, title, priority, dueAt, siteName, siteCity, technicianNames, ...task }) => ({
    ...task,
    organisation: { name: organisationName },
    contractorCompany: { name: companyName },
    workOrder: { number, title, priority, dueAt, site: { name: siteName, city: siteCity } },
    technicians: technicianNames.map((name) => ({ person: { user: { name } } })),
  }));
  return keysetPage(rows, pageSize, keys);
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
