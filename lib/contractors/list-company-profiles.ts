import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed } from "@/lib/authz/permissions";
import { db } from "@/lib/db";

// The profiles of the companies a desk user works in, and which of them they may edit.
export async function listCompanyProfiles(actor: TDeskActor) {
  const manageable = deskCompaniesAllowed(actor, "company.manage");
  const companies = await db.contractorCompany.findMany({
    where: { id: { in: deskCompaniesAllowed(actor, "company.read") } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, phone: true, address: true, techniciansSeeMessages: true },
  });
  return companies.map((company) => ({ ...company, canManage: manageable.includes(company.id) }));
}
