import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed, type TDeskPermission } from "./permissions";

// The scopes of scopes.ts for the reads written in SQL (the long lists and the task page,
// one statement each): the same rules, as conditions. sql-scopes.test.ts proves each one
// selects exactly the rows its Prisma twin selects. Queries using them alias the
// Assignment table as `a`.

export function deskAssignmentSqlScope(actor: TDeskActor, permission: TDeskPermission = "task.read"): Prisma.Sql {
  const companyIds = deskCompaniesAllowed(actor, permission);
  if (companyIds.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`a."contractorCompanyId" IN (${Prisma.join(companyIds)})`;
}
