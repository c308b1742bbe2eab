import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { rateCardScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

// Every version between the actor's side and one party (a contractor company for staff,
// a client organisation for the Desk), newest first.
export async function listRateCards(actor: TStaffActor | TDeskActor, partyId: string) {
  return db.rateCard.findMany({
    where: {
      ...rateCardScope(actor),
      ...(actor.kind === "staff" ? { contractorCompanyId: partyId } : { organisationId: partyId }),
    },
    orderBy: { version: "desc" },
  });
}
