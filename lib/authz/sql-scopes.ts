import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { TDeskActor, TLinkActor, TStaffActor, TTechActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed, type TDeskPermission } from "./permissions";

// The scopes of scopes.ts for the reads written in SQL (the long lists and the task page,
// one statement each): the same rules, as conditions. sql-scopes.test.ts proves each one
// selects exactly the rows its Prisma twin selects. Queries using them alias the tables
// as `w` (WorkOrder) and `a` (Assignment).

export function workOrderSqlScope(actor: TStaffActor | TLinkActor): Prisma.Sql {
  if (actor.kind === "link")
    return Prisma.sql`(w."organisationId" = ${actor.organisationId} AND w.id = ${actor.workOrderId})`;
  return Prisma.sql`w."organisationId" = ${actor.organisationId}`;
}

export function deskAssignmentSqlScope(actor: TDeskActor, permission: TDeskPermission = "task.read"): Prisma.Sql {
  const companyIds = deskCompaniesAllowed(actor, permission);
  if (companyIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`a."contractorCompanyId" IN (${Prisma.join(companyIds)})`;
}

// A technician's tasks, as assignmentScope(techActor) in scopes.ts.
export function techAssignmentSqlScope(actor: TTechActor): Prisma.Sql {
  if (actor.personIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`(a.status NOT IN ('CANCELLED', 'DECLINED', 'OFFERED')
    AND EXISTS (SELECT 1 FROM "AssignmentTechnician" t WHERE t."assignmentId" = a.id AND t."personId" IN (${Prisma.join(actor.personIds)})))`;
}

// The contractor companies of a client's network, as contractorCompanyScope in scopes.ts,
// for a column naming a company.
export function networkCompanySqlScope(actor: TStaffActor, companyColumn: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${companyColumn} IN (SELECT n."contractorCompanyId" FROM "NetworkLink" n WHERE n."organisationId" = ${actor.organisationId})`;
}

// A client's sites, as siteScope in scopes.ts; the query aliases the table as `s`.
export function siteSqlScope(actor: TStaffActor): Prisma.Sql {
  return Prisma.sql`s."organisationId" = ${actor.organisationId}`;
}

// A person's saved list filters, as savedFilterScope in scopes.ts; the query aliases the
// table as `f`.
export function savedFilterSqlScope(actor: TStaffActor): Prisma.Sql {
  return Prisma.sql`(f."organisationId" = ${actor.organisationId} AND f."userId" = ${actor.userId})`;
}
