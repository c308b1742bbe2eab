import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed } from "@/lib/authz/permissions";
import { readTogether, type TRead } from "@/lib/database/read-together";

type TTechnicianOption = { id: string; label: string };

// The technicians a desk user may assign: active technicians of their own companies, as one
// read of a page (lib/database/read-together.ts).
export function companyTechniciansRead(actor: TDeskActor): TRead<TTechnicianOption[]> {
  const companyIds = deskCompaniesAllowed(actor, "task.plan");
  const severalCompanies = actor.companies.length > 1;
  return {
    sql: Prisma.sql`SELECT COALESCE(json_agg(json_build_object('id', p.id, 'name', u.name, 'company', c.name) ORDER BY u.name, p.id), '[]')
      FROM "ContractorPerson" p
      JOIN "User" u ON u.id = p."userId" AND u."deactivatedAt" IS NULL
      JOIN "ContractorCompany" c ON c.id = p."contractorCompanyId"
      WHERE p."contractorCompanyId" IN (${companyIds.length ? Prisma.join(companyIds) : Prisma.sql`NULL`})
        AND p.active AND p.role = 'TECHNICIAN'`,
    read: (people) =>
      (people as { id: string; name: string; company: string }[]).map((p) => ({
        id: p.id,
        label: severalCompanies ? `${p.name} (${p.company})` : p.name,
      })),
  };
}

export async function listCompanyTechnicians(actor: TDeskActor): Promise<TTechnicianOption[]> {
  const [technicians] = await readTogether([companyTechniciansRead(actor)]);
  return technicians;
}
