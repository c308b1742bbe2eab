import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed } from "@/lib/authz/permissions";
import type { TTx } from "@/lib/db";
import { notFound } from "@/lib/errors";

export type TParties = {
  organisationId: string;
  contractorCompanyId: string;
  currency: string;
  side: "client" | "contractor";
};

// The client organisation and the contractor company a rate card is between, from the
// actor's side and the other party's id; they must be linked in the client's network.
// The link row is locked, so versions between one pair are numbered one at a time.
export async function resolveParties(tx: TTx, actor: TStaffActor | TDeskActor, partyId: string): Promise<TParties> {
  const companies = actor.kind === "staff" ? [partyId] : deskCompaniesAllowed(actor, "rates.negotiate");
  const organisations = actor.kind === "staff" ? [actor.organisationId] : [partyId];
  const [link] = await tx.$queryRaw<{ organisationId: string; contractorCompanyId: string; currency: string }[]>`
    SELECT n."organisationId", n."contractorCompanyId", o.currency
    FROM "NetworkLink" n JOIN "Organisation" o ON o.id = n."organisationId"
    WHERE n."organisationId" = ANY(${organisations}) AND n."contractorCompanyId" = ANY(${companies})
    ORDER BY n."contractorCompanyId" LIMIT 1 FOR UPDATE OF n`;
  if (!link) throw notFound(actor.kind === "staff" ? "Contractor" : "Client");
  return { ...link, side: actor.kind === "staff" ? "client" : "contractor" };
}
