"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/actions/clients";
import { awardQuote } from "@/lib/quotes/award-quote";
import { cancelQuoteRequest, extendQuoteDeadline } from "@/lib/quotes/change-quote-request";
import { createQuoteRequest, sendQuoteRequest } from "@/lib/quotes/create-quote-request";
import { addInvitees, resendInvitation } from "@/lib/quotes/manage-invitees";
import { openAnswersEarly } from "@/lib/quotes/open-answers-early";
import { answerQuestion } from "@/lib/quotes/quote-questions";
import { reviseQuoteRequest } from "@/lib/quotes/revise-quote-request";
import { attachForBidders } from "@/lib/quotes/quote-attachments";
import {
  quoteRequestFormSchema,
  ZAnswerQuestionSchema,
  ZReviseQuoteRequestSchema,
  ZAttachForBiddersSchema,
  ZAddInviteesSchema,
  ZAwardQuoteSchema,
  ZExtendDeadlineSchema,
  ZInvitationIdSchema,
  ZQuoteRequestIdSchema,
  ZReasonedQuoteRequestSchema,
} from "@/lib/quotes/schemas";

// Which button sent the request form: "Send request" or "Save as draft".
const ZIntentSchema = z.object({ intent: z.enum(["send", "draft"]).catch("send") });

const refresh = (quoteRequestId: string) => revalidatePath(`/staff/quotes/${quoteRequestId}`);

export const createQuoteRequestAction = staffAction(
  "quote.send",
  (actor) => z.intersection(quoteRequestFormSchema(actor.organisationCurrency), ZIntentSchema),
  async (actor, { intent, ...input }) => {
    const request = await createQuoteRequest(actor, input, { send: intent !== "draft" });
    revalidatePath("/staff/quotes");
    redirect(`/staff/quotes/${request.id}`);
  },
);

export const addInviteesAction = staffAction("quote.send", ZAddInviteesSchema, async (actor, input) => {
  const result = await addInvitees(actor, input);
  refresh(input.quoteRequestId);
  return result;
});

export const resendInvitationAction = staffAction("quote.send", ZInvitationIdSchema, async (actor, input) => {
  await resendInvitation(actor, input);
  return null;
});

export const extendQuoteDeadlineAction = staffAction("quote.send", ZExtendDeadlineSchema, async (actor, input) => {
  await extendQuoteDeadline(actor, input);
  refresh(input.quoteRequestId);
  return null;
});

export const cancelQuoteRequestAction = staffAction("quote.send", ZReasonedQuoteRequestSchema, async (actor, input) => {
  await cancelQuoteRequest(actor, input);
  refresh(input.quoteRequestId);
  return null;
});

export const openAnswersEarlyAction = staffAction(
  "quote.openEarly",
  ZReasonedQuoteRequestSchema,
  async (actor, input) => {
    await openAnswersEarly(actor, input);
    refresh(input.quoteRequestId);
    return null;
  },
);

export const awardQuoteAction = staffAction("quote.award", ZAwardQuoteSchema, async (actor, input) => {
  const assignment = await awardQuote(actor, input);
  revalidatePath("/staff/quotes");
  redirect(`/staff/work-orders/${assignment.workOrderId}`);
});

export const answerQuestionAction = staffAction("quote.send", ZAnswerQuestionSchema, async (actor, input) => {
  const question = await answerQuestion(actor, input);
  refresh(question.quoteRequestId);
  return null;
});

export const reviseQuoteRequestAction = staffAction("quote.send", ZReviseQuoteRequestSchema, async (actor, input) => {
  await reviseQuoteRequest(actor, input);
  refresh(input.quoteRequestId);
  return null;
});

export const attachForBiddersAction = staffAction("quote.send", ZAttachForBiddersSchema, async (actor, input) => {
  await attachForBidders(actor, input);
  refresh(input.quoteRequestId);
  return null;
});

export const sendQuoteRequestAction = staffAction("quote.send", ZQuoteRequestIdSchema, async (actor, input) => {
  await sendQuoteRequest(actor, input);
  refresh(input.quoteRequestId);
  revalidatePath("/staff/quotes");
  return null;
});
