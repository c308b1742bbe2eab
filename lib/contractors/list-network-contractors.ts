import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { contractorCompanyScope } from "@/lib/authz/scopes";
import { requiredDocuments } from "@/lib/compliance/check-compliance";
import { decideCompliance, type TComplianceDecision } from "@/lib/compliance/decide-compliance";
import { db } from "@/lib/db";

export type TNetworkContractor = { id: string; name: string; status: string; compliance: TComplianceDecision };

// Every company in the organisation's network, each with the compliance gate's decision
// for the trade (a work order's): the documents that stop it, by name.
export async function listNetworkContractors(
  actor: TStaffActor,
  categoryId: string | null,
  now = new Date(),
): Promise<TNetworkContractor[]> {
  const [companies, required] = await Promise.all([
    db.contractorCompany.findMany({
      where: contractorCompanyScope(actor),
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        network: { where: { organisationId: actor.organisationId }, select: { status: true } },
        accreditations: { where: { personId: null }, select: { type: true, expiresAt: true } },
      },
    }),
    requiredDocuments(db, categoryId),
  ]);
  return companies.map((company) => ({
    id: company.id,
    name: company.name,
    status: company.network[0]?.status ?? "INVITED",
    compliance: decideCompliance(required, company.accreditations, now),
  }));
}
