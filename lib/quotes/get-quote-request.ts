import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { now as presentMoment } from "@/lib/time/now";
import { bidderName } from "./bidder-name";
import { answersOpen, quotePhase } from "./quote-phase";

const REVISION_SUMMARY = {
  id: true,
  number: true,
  requestVersion: true,
  submittedAt: true,
  submittedBy: true,
} as const;
const REVISION_PRICED = {
  ...REVISION_SUMMARY,
  proposedDate: true,
  validUntil: true,
  comments: true,
  currency: true,
  net: true,
  tax: true,
  gross: true,
  lines: { orderBy: { position: "asc" as const } },
  document: { select: { id: true, filename: true } },
} as const;
// An answer as staff read it once the answers are open.
export type TPricedRevision = Prisma.QuoteRevisionGetPayload<{ select: typeof REVISION_PRICED }>;

// A request as staff see it, every invitee with its answers. While a sealed request is
// before its deadline (and not opened early), answers are read without a price, a line, a
// date or a comment: what is not read cannot reach a page, an export or a response.
export async function getQuoteRequest(actor: TStaffActor, quoteRequestId: string, now = presentMoment()) {
  if (!isId(quoteRequestId)) throw notFound("Request for quote");
  const request = await db.quoteRequest.findFirst({
    where: { id: quoteRequestId, organisationId: actor.organisationId },
    include: {
      workOrder: {
        select: {
          id: true,
          number: true,
          title: true,
          categoryId: true,
          site: { select: { name: true, timezone: true } },
        },
      },
      changes: { orderBy: { version: "asc" } },
      questions: { orderBy: { askedAt: "asc" } },
      // The request's documents for bidders; a bidder's own quote document is read with its answer.
      attachments: {
        where: { kind: "CLIENT_DOCUMENT" },
        select: { id: true, filename: true, sizeBytes: true, kind: true, createdAt: true },
      },
    },
  });
  if (!request) throw notFound("Request for quote");
  const open = answersOpen(request, now);
  const invitations = await db.quoteInvitation.findMany({
    where: { quoteRequestId: request.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      email: true,
      supplierName: true,
      supplierCompany: true,
      declineReason: true,
      firstOpenedAt: true,
      answeredAt: true,
      complianceOverride: true,
      contractorCompany: { select: { id: true, name: true } },
      revisions: {
        where: { submittedAt: { not: null } },
        orderBy: { number: "desc" },
        select: open ? REVISION_PRICED : REVISION_SUMMARY,
      },
    },
  });
  return {
    ...request,
    // The budget is the organisation's own figure: shown to its staff, never to bidders.
    phase: quotePhase(request, now),
    answersOpen: open,
    invitations: invitations.map((invitation) => ({
      ...invitation,
      bidder: bidderName(invitation),
      outside: !invitation.contractorCompany,
    })),
  };
}
