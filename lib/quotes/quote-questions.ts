import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { assertStaffCan } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, notFound } from "@/lib/errors";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { bidderName } from "./bidder-name";
import { issueQuoteLink } from "./issue-quote-link";
import { lockOpenInvitation } from "./lock-open-invitation";
import type { TBidder } from "./resolve-quote-link";

// A bidder asks about the request while it is open. The same question asked twice (a
// double click, a retry) is asked once.
export async function askQuestion(
  bidder: TBidder,
  input: { invitationId: string; question: string },
  now = presentMoment(),
) {
  return db.$transaction(async (tx) => {
    const invitation = await lockOpenInvitation(
      tx,
      bidder,
      input.invitationId,
      now,
      "Questions can no longer be asked.",
    );
    const same = await tx.quoteQuestion.findFirst({
      where: { invitationId: invitation.id, question: input.question, answer: null },
    });
    if (same) return same;
    const question = await tx.quoteQuestion.create({
      data: {
        quoteRequestId: invitation.quoteRequestId,
        invitationId: invitation.id,
        question: input.question,
        askedAt: now,
      },
    });
    await recordEvent(tx, {
      organisationId: invitation.organisationId,
      workOrderId: invitation.quoteRequest.workOrderId,
      actor: { userId: null, label: bidder.label },
      type: "quote.question_asked",
      data: { bidder: bidderName(invitation), question: input.question },
    });
    return question;
  });
}

// Staff answer a question once: to the bidder that asked, or to every invitee that has not
// declined (emailed to each, never saying who asked).
export async function answerQuestion(
  actor: TStaffActor,
  input: { questionId: string; answer: string; toAll: boolean },
  now = presentMoment(),
) {
  assertStaffCan(actor, "quote.send");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "QuoteQuestion" q JOIN "QuoteRequest" r ON r.id = q."quoteRequestId" WHERE q.id = ${input.questionId} AND r."organisationId" = ${actor.organisationId} FOR UPDATE OF q`;
    const question = await tx.quoteQuestion.findFirst({
      where: { id: input.questionId, quoteRequest: { organisationId: actor.organisationId } },
      include: {
        quoteRequest: {
          select: {
            id: true,
            status: true,
            deadline: true,
            workOrderId: true,
            workOrder: { select: { title: true } },
            invitations: { where: { status: { not: "DECLINED" } }, select: { id: true, email: true } },
          },
        },
      },
    });
    if (!question) throw notFound("Question");
    if (question.answer !== null) {
      if (question.answer === input.answer && question.toAll === input.toAll) return question;
      throw new AppError("CONFLICT", "This question has already been answered.");
    }
    const request = question.quoteRequest;
    if (request.status === "CANCELLED" || request.status === "AWARDED")
      throw new AppError(
        "CONFLICT",
        `A ${request.status.toLowerCase()} request's questions can no longer be answered.`,
      );
    const answered = await tx.quoteQuestion.update({
      where: { id: question.id },
      data: { answer: input.answer, toAll: input.toAll, answeredAt: now, answeredById: actor.userId },
    });
    const recipients = input.toAll
      ? request.invitations
      : request.invitations.filter((i) => i.id === question.invitationId);
    for (const invitation of recipients)
      await enqueueEmail(tx, {
        to: invitation.email,
        organisationId: actor.organisationId,
        template: "quote-question-answered",
        data: {
          clientName: actor.organisationName,
          title: request.workOrder.title,
          question: question.question,
          answer: input.answer,
          url: await issueQuoteLink(tx, actor.organisationId, invitation, request.deadline),
        },
      });
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: request.workOrderId,
      actor: { userId: actor.userId, label: actor.name },
      type: "quote.question_answered",
      data: { question: question.question, toAll: input.toAll },
    });
    return answered;
  });
}
