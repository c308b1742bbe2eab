import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";

// The reports aggregate in SQL, and $queryRaw cannot take a Prisma `where`. The Desk
// scope is a list of contractor companies, so the SQL condition is read off the scope
// lib/authz builds (never rebuilt from roles here). If that scope ever takes another
// shape, the report stops instead of guessing, and the tests beside it fail.
// Queries using it alias the Assignment table as `a`.
export function deskAssignmentSqlScope(actor: TDeskActor): Prisma.Sql {
  const scope = assignmentScope(actor, "task.read");
  const companies = scope.contractorCompanyId;
  const companyIds = typeof companies === "object" && companies !== null && "in" in companies ? companies.in : undefined;
  if (Object.keys(scope).length !== 1 || !Array.isArray(companyIds) || Object.keys(companies as object).length !== 1) {
    throw new Error("The Desk assignment scope changed shape; update lib/reports/desk-report-scope.ts to match it.");
  }
  if (companyIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`a."contractorCompanyId" IN (${Prisma.join(companyIds)})`;
}
