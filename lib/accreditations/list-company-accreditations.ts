import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed } from "@/lib/authz/permissions";
import { accreditationCompanyScope } from "@/lib/authz/scopes";
import { accreditationStanding } from "@/lib/contractors/accreditation-status";
import { documentKey } from "@/lib/compliance/decide-compliance";
import { db } from "@/lib/db";

const ROW = {
  id: true,
  type: true,
  reference: true,
  issuedAt: true,
  expiresAt: true,
  renewedById: true,
  person: { select: { id: true, user: { select: { name: true } } } },
  document: { select: { id: true, filename: true } },
} as const;

// The Desk's accreditations page: per company, the current accreditations (company-wide
// first, then each person's) with how they stand, each with the versions it renewed.
export async function listCompanyAccreditations(actor: TDeskActor, now = new Date()) {
  const manageable = deskCompaniesAllowed(actor, "company.manage");
  const companies = await db.contractorCompany.findMany({
    where: accreditationCompanyScope(actor, "company.read"),
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      people: {
        where: { active: true },
        select: { id: true, user: { select: { name: true } } },
        orderBy: { user: { name: "asc" } },
      },
      accreditations: { select: ROW, orderBy: [{ type: "asc" }, { expiresAt: "desc" }] },
      network: { select: { organisation: { select: { documentTypes: { select: { name: true } } } } } },
    },
  });
  return companies.map((company) => {
    const predecessorOf = new Map(company.accreditations.filter((a) => a.renewedById).map((a) => [a.renewedById!, a]));
    const current = company.accreditations
      .filter((a) => !a.renewedById)
      .map((a) => {
        const history = [];
        for (let earlier = predecessorOf.get(a.id); earlier; earlier = predecessorOf.get(earlier.id))
          history.push(earlier);
        return { ...a, standing: accreditationStanding(a.expiresAt, now), history };
      })
      .sort(
        (a, b) =>
          Number(!!a.person) - Number(!!b.person) ||
          (a.person?.user.name ?? "").localeCompare(b.person?.user.name ?? ""),
      );
    return {
      id: company.id,
      name: company.name,
      canManage: manageable.includes(company.id),
      people: company.people,
      accreditations: current,
      documentsAsked: documentsAskedBy(company.network),
    };
  });
}

// The documents the company's clients ask for, by the names they use: an accreditation
// named the same counts for their compliance gate.
function documentsAskedBy(network: { organisation: { documentTypes: { name: string }[] } }[]): string[] {
  const byKey = new Map<string, string>();
  for (const link of network)
    for (const { name } of link.organisation.documentTypes)
      if (!byKey.has(documentKey(name))) byKey.set(documentKey(name), name);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}
