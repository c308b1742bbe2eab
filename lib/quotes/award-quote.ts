import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { LIVE_STATUSES, workOrderStatusFor } from "@/lib/assignments/status-machine";
import { assertStaffCan } from "@/lib/authz/permissions";
import { joinNetwork } from "@/lib/contractors/invite-contractor";
import { contractorOfficeEmails } from "@/lib/contractors/office-recipients";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { readCountRule } from "@/lib/estimates/counted-lines";
import { priceEstimate } from "@/lib/estimates/price-estimate";
import { formatMoney } from "@/lib/money/format-money";
import { moneyString } from "@/lib/money/money-string";
import { formatCalendarDay } from "@/lib/time/zones";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { bidderName, type TQuoteLineValues } from "./bidder-name";
import { answersOpen } from "./quote-phase";
import { cancelQuoteReminders } from "./remind-bidder";

export type TAwardNotice = "all" | "winner" | "nobody";

const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

// Awards one answer, whole. The request and its work order are locked, so two managers
// awarding at once award once. The award is refused while the work order has a live task
// (withdraw it first), for an invitee that declined or has not answered, before sealed
// answers may be seen, and a second time. It makes the task (accepted, planned on the
// proposed date), turns the awarded lines into the approved estimate (draft lines are
// removed, lines approved before stay; the not-to-exceed follows), brings an outside
// supplier into the network, and tells the bidders as asked (a losing email never names
// the winner or a price).
export async function awardQuote(
  actor: TStaffActor,
  input: { invitationId: string; notify: TAwardNotice },
  now = presentMoment(),
) {
  assertStaffCan(actor, "quote.award");
  return db.$transaction(async (tx) => {
    const found = await tx.quoteInvitation.findFirst({
      where: { id: input.invitationId, organisationId: actor.organisationId },
      select: { quoteRequestId: true },
    });
    if (!found) throw notFound("Quote");
    await tx.$executeRaw`SELECT 1 FROM "QuoteRequest" WHERE id = ${found.quoteRequestId} FOR UPDATE`;
    const request = await tx.quoteRequest.findUniqueOrThrow({
      where: { id: found.quoteRequestId },
      include: {
        workOrder: { select: { id: true, number: true, title: true, category: { select: { name: true } } } },
        invitations: {
          include: {
            contractorCompany: { select: { id: true, name: true } },
            revisions: {
              where: { submittedAt: { not: null } },
              orderBy: { number: "desc" },
              take: 1,
              include: { lines: { orderBy: { position: "asc" } } },
            },
          },
        },
      },
    });
    if (request.status === "AWARDED") throw new AppError("CONFLICT", "This request has already been awarded.");
    if (request.status !== "OPEN") throw new AppError("CONFLICT", "Only a sent request can be awarded.");
    if (!answersOpen(request, now))
      throw new AppError("CONFLICT", "The answers are sealed until the deadline; a manager can open them early.");
    const winner = request.invitations.find((i) => i.id === input.invitationId)!;
    const answer = winner.revisions[0];
    if (winner.status === "DECLINED") throw new AppError("CONFLICT", "This bidder declined to quote.");
    if (!answer) throw new AppError("CONFLICT", "This bidder has not submitted a quote.");

    await tx.$executeRaw`SELECT 1 FROM "WorkOrder" WHERE id = ${request.workOrderId} FOR UPDATE`;
    const live = await tx.assignment.findFirst({
      where: { workOrderId: request.workOrderId, status: { in: LIVE_STATUSES } },
      include: { contractorCompany: { select: { name: true } } },
    });
    if (live)
      throw new AppError(
        "CONFLICT",
        `The work order is with ${live.contractorCompany.name}: withdraw that task before awarding the quote.`,
      );

    const company =
      winner.contractorCompany ??
      (
        await joinNetwork(tx, actor, {
          companyName: winner.supplierCompany || winner.supplierName || winner.email,
          adminName: winner.supplierName || winner.email,
          adminEmail: winner.email,
          trades: request.workOrder.category ? [request.workOrder.category.name] : [],
        })
      ).company;

    const assignment = await tx.assignment.create({
      data: {
        organisationId: actor.organisationId,
        workOrderId: request.workOrderId,
        contractorCompanyId: company.id,
        status: "ACCEPTED",
        offeredAt: now,
        respondedAt: now,
        plannedAt: answer.proposedDate,
        complianceOverride: winner.complianceOverride ?? undefined,
      },
    });
    await replaceEstimateWithAward(tx, actor, request.workOrderId, answer.lines, now);
    await tx.workOrder.update({
      where: { id: request.workOrderId },
      data: { status: workOrderStatusFor("ACCEPTED"), offerWaitingSince: null },
    });
    await tx.quoteRequest.update({
      where: { id: request.id },
      data: { status: "AWARDED", awardedAt: now, awardedById: actor.userId },
    });
    await tx.quoteInvitation.update({
      where: { id: winner.id },
      data: { status: "AWARDED", contractorCompanyId: company.id },
    });
    await tx.quoteInvitation.updateMany({
      where: { quoteRequestId: request.id, id: { not: winner.id }, status: "INVITED" },
      data: { status: "LOST" },
    });
    await cancelQuoteReminders(
      tx,
      request.invitations.map((i) => i.id),
    );
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: request.workOrderId,
      assignmentId: assignment.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "quote.awarded",
      data: { bidder: bidderName(winner), lines: answer.lines.length },
    });

    if (input.notify !== "nobody") {
      const recipients = winner.contractorCompany ? await contractorOfficeEmails(tx, company.id) : [winner.email];
      for (const to of recipients) {
        const user = await tx.user.findUnique({ where: { email: to } });
        const url = user
          ? await createSignInLink(tx, user, { redirectTo: `/desk/tasks/${assignment.id}` })
          : `${env.APP_URL}/desk/tasks/${assignment.id}`;
        await enqueueEmail(tx, {
          to,
          organisationId: actor.organisationId,
          template: "quote-awarded",
          data: {
            clientName: actor.organisationName,
            title: request.workOrder.title,
            gross: formatMoney(answer.gross, answer.currency),
            plannedOn: formatCalendarDay(answer.proposedDate),
            url,
          },
        });
      }
    }
    if (input.notify === "all") {
      const priced = request.invitations
        .filter((i) => i.status !== "DECLINED" && i.revisions[0])
        .map((i) => ({ id: i.id, gross: i.revisions[0].gross }))
        .sort((a, b) => a.gross.comparedTo(b.gross));
      for (const loser of request.invitations.filter((i) => i.id !== winner.id && i.status !== "DECLINED")) {
        const place = priced.findIndex((p) => p.id === loser.id);
        await enqueueEmail(tx, {
          to: loser.email,
          organisationId: actor.organisationId,
          template: "quote-not-awarded",
          data: {
            clientName: actor.organisationName,
            title: request.workOrder.title,
            rank: place < 0 ? null : `your price was the ${ordinal(place + 1)} lowest of ${priced.length}`,
          },
        });
      }
    }
    return assignment;
  });
}

// The awarded lines become the work order's approved estimate: its draft lines go, lines
// approved before stay, and the not-to-exceed is the net of all approved lines.
async function replaceEstimateWithAward(
  tx: TTx,
  actor: TStaffActor,
  workOrderId: string,
  lines: TQuoteLineValues[],
  now: Date,
) {
  await tx.estimateLine.deleteMany({ where: { workOrderId, approvedAt: null } });
  const kept = await tx.estimateLine.findMany({ where: { workOrderId }, orderBy: { position: "asc" } });
  const from = (kept.at(-1)?.position ?? -1) + 1;
  await tx.estimateLine.createMany({
    data: lines.map((line, i) => ({
      organisationId: actor.organisationId,
      workOrderId,
      position: from + i,
      description: line.description,
      quantity: line.quantity.toString(),
      unitCode: line.unitCode,
      unitPrice: line.unitPrice.toString(),
      taxPercent: line.taxPercent.toString(),
      createdById: actor.userId,
      approvedAt: now,
      approvedById: actor.userId,
    })),
  });
  const all = await tx.estimateLine.findMany({ where: { workOrderId } });
  const currency = actor.organisationCurrency;
  const rule = await readCountRule(tx, actor.organisationId);
  await tx.workOrder.update({
    where: { id: workOrderId },
    data: { notToExceed: moneyString(priceEstimate(all, currency, rule).counted.net, currency) },
  });
}
