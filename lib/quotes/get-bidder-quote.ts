import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { now as presentMoment } from "@/lib/time/now";
import { quotePhase, whyReadOnly } from "./quote-phase";
import type { TQuoteRequestChange } from "./revise-quote-request";
import type { TBidder } from "./resolve-quote-link";

// What a bidder sees: the request (scope, requirements, attachments, the client's name,
// the site's address; its access details only once awarded to this bidder), its own
// answers, every revision, and the questions it asked or that were answered to all.
// Never who else was invited, how many, or anything of another answer.
export async function getBidderQuote(bidder: TBidder, now = presentMoment()) {
  const invitation = await db.quoteInvitation.findFirst({
    where: { id: bidder.invitationId, organisationId: bidder.organisationId },
    select: {
      id: true,
      status: true,
      declineReason: true,
      supplierName: true,
      supplierCompany: true,
      contractorCompany: { select: { name: true } },
      revisions: {
        orderBy: { number: "desc" },
        include: { lines: { orderBy: { position: "asc" } }, document: { select: { id: true, filename: true } } },
      },
      quoteRequest: {
        select: {
          id: true,
          status: true,
          scope: true,
          requirements: true,
          deadline: true,
          siteVisitFrom: true,
          siteVisitTo: true,
          version: true,
          organisation: { select: { name: true, currency: true, timezone: true } },
          // Never another bidder's quote document: only the request's own.
          attachments: {
            where: { kind: "CLIENT_DOCUMENT" },
            select: { id: true, filename: true, sizeBytes: true },
            orderBy: { createdAt: "asc" },
          },
          workOrder: {
            select: {
              number: true,
              title: true,
              site: {
                select: {
                  name: true,
                  addressLine1: true,
                  addressLine2: true,
                  city: true,
                  postcode: true,
                  timezone: true,
                  accessDetails: true,
                },
              },
            },
          },
          changes: { orderBy: { version: "asc" }, select: { version: true, changes: true, createdAt: true } },
          questions: {
            where: { OR: [{ invitationId: bidder.invitationId }, { toAll: true, answer: { not: null } }] },
            orderBy: { askedAt: "asc" },
            select: { id: true, question: true, answer: true, answeredAt: true, askedAt: true, invitationId: true },
          },
        },
      },
    },
  });
  if (!invitation) throw notFound("Request for quote");
  const { quoteRequest: request, ...own } = invitation;
  const phase = quotePhase(request, now);
  const { accessDetails, ...site } = request.workOrder.site;
  return {
    phase,
    readOnly: whyReadOnly(phase),
    request: {
      ...request,
      workOrder: {
        ...request.workOrder,
        site: { ...site, accessDetails: own.status === "AWARDED" ? accessDetails : null },
      },
      changes: request.changes.map((change) => ({ ...change, changes: change.changes as TQuoteRequestChange[] })),
      questions: request.questions.map(({ invitationId, ...q }) => ({
        ...q,
        mine: invitationId === bidder.invitationId,
      })),
    },
    invitation: own,
    draft: own.revisions.find((r) => !r.submittedAt) ?? null,
    submitted: own.revisions.filter((r) => r.submittedAt),
  };
}
