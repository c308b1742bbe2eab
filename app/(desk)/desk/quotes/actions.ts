"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deskAction } from "@/lib/actions/clients";
import { ZIdSchema } from "@/lib/ids";
import { answerFromForm, askFromForm, confirmFromForm, declineFromForm } from "@/lib/quotes/answer-from-form";
import { deskBidder } from "@/lib/quotes/desk-bidder";

// The invitation must be one of the person's companies' (deskBidder); the answer is then
// read in the client's currency.
const ZDeskAnswerForm = z.looseObject({ invitationId: ZIdSchema });

export const answerQuoteFromDeskAction = deskAction("quote.answer", ZDeskAnswerForm, async (actor, form) => {
  const result = await answerFromForm(await deskBidder(actor, form.invitationId), form);
  revalidatePath(`/desk/quotes/${form.invitationId}`);
  return result;
});

export const declineQuoteFromDeskAction = deskAction("quote.answer", ZDeskAnswerForm, async (actor, form) => {
  await declineFromForm(await deskBidder(actor, form.invitationId), form);
  revalidatePath(`/desk/quotes/${form.invitationId}`);
  return null;
});

export const askQuestionFromDeskAction = deskAction("quote.answer", ZDeskAnswerForm, async (actor, form) => {
  await askFromForm(await deskBidder(actor, form.invitationId), form);
  revalidatePath(`/desk/quotes/${form.invitationId}`);
  return null;
});

export const confirmQuoteFromDeskAction = deskAction("quote.answer", ZDeskAnswerForm, async (actor, form) => {
  const result = await confirmFromForm(await deskBidder(actor, form.invitationId), form);
  revalidatePath(`/desk/quotes/${form.invitationId}`);
  return result;
});
