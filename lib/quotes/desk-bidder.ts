import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TBidder } from "./resolve-quote-link";

// A contractor's office person answering an invitation to one of their companies from the
// Desk: the same bidder as its link, in the name of the person. Another company's
// invitation, or one the person's role may not answer, is not found.
export async function deskBidder(actor: TDeskActor, invitationId: string): Promise<TBidder> {
  const invitation = await db.quoteInvitation.findFirst({
    where: {
      id: invitationId,
      contractorCompanyId: { in: deskCompaniesAllowed(actor, "quote.answer") },
      quoteRequest: { status: { not: "DRAFT" } },
    },
    select: { id: true, organisationId: true },
  });
  if (!invitation) throw notFound("Request for quote");
  return { invitationId: invitation.id, organisationId: invitation.organisationId, label: actor.name, tokenId: null };
}
