import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { assertStaffCan } from "@/lib/authz/permissions";
import { db, type TTx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { now as presentMoment } from "@/lib/time/now";
import { bidderName } from "./bidder-name";
import { addInvitations, sendInvitationLink, WORK_ORDER_FOR_INVITES } from "./invite-bidders";
import { quotePhase } from "./quote-phase";
import type { TSupplierInput } from "./schemas";

// A sent request still open for answers (or a draft, to add invitees to), locked so invitees are added one change at a time.
async function lockOpenRequest(tx: TTx, actor: TStaffActor, quoteRequestId: string, now: Date, allowDraft = false) {
  await tx.$executeRaw`SELECT 1 FROM "QuoteRequest" WHERE id = ${quoteRequestId} AND "organisationId" = ${actor.organisationId} FOR UPDATE`;
  const request = await tx.quoteRequest.findFirst({
    where: { id: quoteRequestId, organisationId: actor.organisationId },
    include: {
      workOrder: { select: WORK_ORDER_FOR_INVITES },
    },
  });
  if (!request) throw notFound("Request for quote");
  const phase = quotePhase(request, now);
  if (phase !== "open" && !(phase === "draft" && allowDraft))
    throw new AppError(
      "CONFLICT",
      "Invitees can be added or sent a new link only while the request is open for answers.",
    );
  return request;
}

// Invites more companies or suppliers to a draft, or to a request already sent (each new
// one then gets its link at once); someone already invited is left as is.
export async function addInvitees(
  actor: TStaffActor,
  input: {
    quoteRequestId: string;
    contractorCompanyIds: string[];
    suppliers: TSupplierInput[];
    overrideReason: string | null;
  },
  now = presentMoment(),
) {
  assertStaffCan(actor, "quote.send");
  return db.$transaction(async (tx) => {
    const request = await lockOpenRequest(tx, actor, input.quoteRequestId, now, true);
    const created = await addInvitations(tx, actor, request, input, now);
    if (request.status === "OPEN")
      for (const invitation of created) await sendInvitationLink(tx, actor, request, invitation, now);
    return { added: created.length };
  });
}

// Sends one invitee a new link; its earlier link stops working.
export async function resendInvitation(actor: TStaffActor, input: { invitationId: string }, now = presentMoment()) {
  assertStaffCan(actor, "quote.send");
  return db.$transaction(async (tx) => {
    const found = await tx.quoteInvitation.findFirst({
      where: { id: input.invitationId, organisationId: actor.organisationId },
      include: { contractorCompany: { select: { name: true } } },
    });
    if (!found) throw notFound("Invitation");
    const request = await lockOpenRequest(tx, actor, found.quoteRequestId, now);
    await sendInvitationLink(tx, actor, request, { id: found.id, email: found.email, name: bidderName(found) }, now);
  });
}
