import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { TDeskActor, TLinkActor, TStaffActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed, type TDeskPermission } from "./permissions";

// The scopes of scopes.ts for the reads written in SQL (the long lists and the task page,
// one statement each): the same rules, as conditions. sql-scopes.test.ts proves each one
// selects exactly the rows its Prisma twin selects. Queries using them alias the tables
// as `w` (WorkOrder) and `a` (Assignment).

export function workOrderSqlScope(actor: TStaffActor | TLinkActor): Prisma.Sql {
  if (actor.kind === "link") return Prisma.sql`(w."organisationId" = ${actor.organisationId} AND w.id = ${actor.workOrderId})`;
  return Prisma.sql`w."organisationId" = ${actor.organisationId}`;
}

export function deskAssignmentSqlScope(actor: TDeskActor, permission: TDeskPermission = "task.read"): Prisma.Sql {
  const companyIds = deskCompaniesAllowed(actor, permission);
  if (companyIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`a."contractorCompanyId" IN (${Prisma.join(companyIds)})`;
}
