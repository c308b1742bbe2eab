import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { contractorCompanyScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { accreditationProblems, type TAccreditationProblem } from "./accreditation-status";

export type TNetworkContractor = { id: string; name: string; status: string; problems: TAccreditationProblem[] };

// Every company in the organisation's network with what would block or worry an
// assignment: required accreditations missing, and any accreditation that has expired.
export async function listNetworkContractors(
  actor: TStaffActor,
  requiredTypes: string[] = [],
): Promise<TNetworkContractor[]> {
  const companies = await db.contractorCompany.findMany({
    where: contractorCompanyScope(actor),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      network: { where: { organisationId: actor.organisationId }, select: { status: true } },
      accreditations: { where: { personId: null }, select: { type: true, expiresAt: true } },
    },
  });
  return companies.map((company) => {
    const held = company.accreditations;
    const types = [...new Set([...requiredTypes, ...held.map((a) => a.type)])];
    return {
      id: company.id,
      name: company.name,
      status: company.network[0]?.status ?? "INVITED",
      problems: accreditationProblems(held, types),
    };
  });
}
