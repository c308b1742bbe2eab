import "server-only";
import type { TStoredUpload } from "@/lib/attachments/store-upload";
import { db } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";
import { sumLines } from "@/lib/money/sum-lines";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { lockOpenInvitation } from "./lock-open-invitation";
import { cancelQuoteReminders } from "./remind-bidder";
import type { TBidder } from "./resolve-quote-link";
import { bidderName, type TQuoteLineValues } from "./bidder-name";
import type { TQuoteAnswerInput } from "./schemas";

const DAY = 86_400_000;

// Saves the answer as a draft, or submits it: each submission is kept as a revision,
// priced on the server (lib/money) in the client's currency; a draft is the one revision
// not yet submitted and is replaced by the next save. Submitting needs at least one line
// and a proposed date from today on, and withdraws a decline.
export async function answerQuote(
  bidder: TBidder,
  input: TQuoteAnswerInput,
  { submit, document }: { submit: boolean; document?: TStoredUpload },
  now = presentMoment(),
) {
  return db.$transaction(async (tx) => {
    const invitation = await lockOpenInvitation(tx, bidder, input.invitationId, now);
    const today = new Date(Math.floor(now.getTime() / DAY) * DAY);
    const errors: Record<string, string[]> = {};
    if (submit && input.lines.length === 0) errors.lines = ["Add at least one line"];
    if (submit && !input.proposedDate) errors.proposedDate = ["Enter the date you propose to do the work"];
    if (input.proposedDate && input.proposedDate < today)
      errors.proposedDate = ["The proposed date cannot be in the past"];
    if (input.validUntil && input.validUntil < today) errors.validUntil = ["The quote must be valid from today on"];
    if (Object.keys(errors).length) throw invalidInput("Please correct the highlighted fields.", errors);

    const currency = invitation.quoteRequest.organisation.currency;
    const totals = sumLines(input.lines, currency);
    const draft = await tx.quoteRevision.findFirst({ where: { invitationId: invitation.id, submittedAt: null } });
    // The same answer submitted again (a double click, a retry) is the one already kept.
    if (submit && !draft && !document) {
      const latest = await tx.quoteRevision.findFirst({
        where: { invitationId: invitation.id },
        orderBy: { number: "desc" },
        include: { lines: { orderBy: { position: "asc" } } },
      });
      if (latest && latest.requestVersion === invitation.quoteRequest.version && sameAnswer(latest, input))
        return latest;
    }
    const last = await tx.quoteRevision.findFirst({
      where: { invitationId: invitation.id },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    if (draft) await tx.quoteRevision.delete({ where: { id: draft.id } });
    // The bidder's own quote document: kept with this answer, never among the work order's.
    const attached = document
      ? await tx.attachment.create({
          data: {
            ...document,
            organisationId: invitation.organisationId,
            quoteRequestId: invitation.quoteRequest.id,
            kind: "QUOTE",
          },
        })
      : null;
    const revision = await tx.quoteRevision.create({
      data: {
        invitationId: invitation.id,
        number: draft ? draft.number : (last?.number ?? 0) + 1,
        requestVersion: invitation.quoteRequest.version,
        proposedDate: input.proposedDate ?? null,
        validUntil: input.validUntil ?? null,
        comments: input.comments,
        currency,
        net: totals.net.toString(),
        tax: totals.tax.toString(),
        gross: totals.gross.toString(),
        submittedAt: submit ? now : null,
        submittedBy: submit ? bidder.label : null,
        documentId: attached?.id ?? (draft && !document ? draft.documentId : null),
        lines: {
          create: input.lines.map((line, position) => ({
            position,
            description: line.description,
            quantity: line.quantity,
            unitCode: line.unitCode,
            unitPrice: line.unitPrice!,
            taxPercent: line.taxPercent,
          })),
        },
      },
    });
    if (submit) {
      await tx.quoteInvitation.update({
        where: { id: invitation.id },
        data: { answeredAt: now, status: "INVITED", declineReason: null, declinedAt: null },
      });
      await cancelQuoteReminders(tx, [invitation.id]);
      // No amount on the timeline: a sealed request's prices stay out of every page.
      await recordEvent(tx, {
        organisationId: invitation.organisationId,
        workOrderId: invitation.quoteRequest.workOrderId,
        actor: { userId: null, label: bidder.label },
        type: "quote.answered",
        data: { bidder: bidderName(invitation), revision: revision.number },
      });
    }
    return revision;
  });
}

export async function declineQuote(
  bidder: TBidder,
  input: { invitationId: string; reason: string },
  now = presentMoment(),
) {
  return db.$transaction(async (tx) => {
    const invitation = await lockOpenInvitation(tx, bidder, input.invitationId, now);
    if (invitation.status === "DECLINED" && invitation.declineReason === input.reason) return;
    await tx.quoteInvitation.update({
      where: { id: invitation.id },
      data: { status: "DECLINED", declineReason: input.reason, declinedAt: now },
    });
    await cancelQuoteReminders(tx, [invitation.id]);
    await recordEvent(tx, {
      organisationId: invitation.organisationId,
      workOrderId: invitation.quoteRequest.workOrderId,
      actor: { userId: null, label: bidder.label },
      type: "quote.declined",
      data: { bidder: bidderName(invitation), reason: input.reason },
    });
  });
}

const sameDay = (a: Date | null | undefined, b: Date | null | undefined) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameNumber = (a: { toString(): string }, b: string) => Number(a.toString()) === Number(b);

function sameAnswer(
  kept: {
    proposedDate: Date | null;
    validUntil: Date | null;
    comments: string;
    lines: TQuoteLineValues[];
  },
  input: TQuoteAnswerInput,
): boolean {
  return (
    sameDay(kept.proposedDate, input.proposedDate) &&
    sameDay(kept.validUntil, input.validUntil) &&
    kept.comments === input.comments &&
    kept.lines.length === input.lines.length &&
    kept.lines.every((line, i) => {
      const given = input.lines[i];
      return (
        line.description === given.description &&
        line.unitCode === given.unitCode &&
        sameNumber(line.quantity, given.quantity) &&
        sameNumber(line.unitPrice, given.unitPrice!) &&
        sameNumber(line.taxPercent, given.taxPercent)
      );
    })
  );
}

// A bidder keeps its latest quote for the request as changed since: the same answer,
// submitted again for the current version (a new revision, the history kept).
export async function confirmQuote(bidder: TBidder, input: { invitationId: string }, now = presentMoment()) {
  const latest = await db.quoteRevision.findFirst({
    where: { invitationId: bidder.invitationId, submittedAt: { not: null } },
    orderBy: { number: "desc" },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  if (input.invitationId !== bidder.invitationId || !latest) throw notFound("Quote");
  return answerQuote(
    bidder,
    {
      invitationId: input.invitationId,
      proposedDate: latest.proposedDate ?? undefined,
      validUntil: latest.validUntil ?? undefined,
      comments: latest.comments,
      lines: latest.lines.map((line) => ({
        description: line.description,
        quantity: line.quantity.toString(),
        unitCode: line.unitCode as TQuoteAnswerInput["lines"][number]["unitCode"],
        unitPrice: line.unitPrice.toString(),
        taxPercent: line.taxPercent.toString(),
      })),
    },
    { submit: true },
    now,
  );
}
