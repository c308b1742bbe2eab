import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed } from "@/lib/authz/permissions";
import { contractorCompanyScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

// Who staff negotiate rates with: a contractor company in their network, with the
// organisation's currency and trades.
export async function getRateCardContractor(actor: TStaffActor, companyId: string) {
  const [company, trades] = await Promise.all([
    db.contractorCompany.findFirst({
      where: { ...contractorCompanyScope(actor), id: companyId },
      select: { id: true, name: true },
    }),
    db.category.findMany({
      where: { organisationId: actor.organisationId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  if (!company) throw notFound("Contractor");
  return { company, currency: actor.organisationCurrency, trades };
}

// Who a contractor negotiates rates with: each client organisation in whose network its
// companies are, with that client's currency and trades.
export async function listRateCardClients(actor: TDeskActor) {
  const links = await db.networkLink.findMany({
    where: { contractorCompanyId: { in: deskCompaniesAllowed(actor, "rates.read") } },
    select: {
      organisation: {
        select: {
          id: true,
          name: true,
          currency: true,
          categories: { select: { id: true, name: true }, orderBy: { name: "asc" } },
        },
      },
    },
    orderBy: { organisation: { name: "asc" } },
  });
  const seen = new Set<string>();
  return links
    .map((link) => link.organisation)
    .filter((organisation) => !seen.has(organisation.id) && seen.add(organisation.id));
}
