import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed } from "@/lib/authz/permissions";
import { db } from "@/lib/db";

// The technicians a desk user may assign: active technicians of their own companies.
export async function listCompanyTechnicians(actor: TDeskActor) {
  const people = await db.contractorPerson.findMany({
    where: {
      contractorCompanyId: { in: deskCompaniesAllowed(actor, "task.plan") },
      active: true,
      role: "TECHNICIAN",
      user: { deactivatedAt: null },
    },
    select: { id: true, user: { select: { name: true } }, contractorCompany: { select: { name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const severalCompanies = actor.companies.length > 1;
  return people.map((p) => ({
    id: p.id,
    label: severalCompanies ? `${p.user.name} (${p.contractorCompany.name})` : p.user.name,
  }));
}
