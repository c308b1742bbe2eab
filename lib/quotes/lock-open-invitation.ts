import "server-only";
import type { TTx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { quotePhase, whyReadOnly } from "./quote-phase";
import type { TBidder } from "./resolve-quote-link";

// The invitation in scope, its row locked so two tabs (or a double click) answer one
// after the other, and the request it belongs to, still open for answers.
export async function lockOpenInvitation(
  tx: TTx,
  bidder: TBidder,
  invitationId: string,
  now: Date,
  refused = "Answers can no longer be given or changed.",
) {
  if (invitationId !== bidder.invitationId) throw notFound("Request for quote");
  await tx.$executeRaw`SELECT 1 FROM "QuoteInvitation" WHERE id = ${invitationId} FOR UPDATE`;
  const invitation = await tx.quoteInvitation.findFirst({
    where: { id: invitationId, organisationId: bidder.organisationId },
    include: {
      quoteRequest: {
        select: {
          id: true,
          status: true,
          deadline: true,
          version: true,
          workOrderId: true,
          organisation: { select: { currency: true } },
        },
      },
      contractorCompany: { select: { name: true } },
    },
  });
  if (!invitation) throw notFound("Request for quote");
  const closed = whyReadOnly(quotePhase(invitation.quoteRequest, now));
  if (closed) throw new AppError("CONFLICT", `${closed} ${refused}`);
  if (invitation.status !== "INVITED" && invitation.status !== "DECLINED")
    throw new AppError("CONFLICT", "This request has been decided.");
  return invitation;
}
