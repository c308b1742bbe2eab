"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction } from "@/lib/actions/clients";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { answerFromForm, askFromForm, confirmFromForm, declineFromForm } from "@/lib/quotes/answer-from-form";
import { resolveQuoteLink } from "@/lib/quotes/resolve-quote-link";

// Only the link's own invitation can be answered: the bidder comes from the token, and an
// invitation id swapped into the form is refused by the domain.
const ZLinkForm = z.looseObject({ token: z.string().max(200) });

async function bidderOf(token: string) {
  return resolveQuoteLink(token, await currentRequestMeta(), "QUOTE_ANSWERED");
}

export const answerQuoteByLinkAction = publicAction(ZLinkForm, async (form) => {
  const result = await answerFromForm(await bidderOf(form.token), form);
  revalidatePath(`/q/${form.token}`);
  return result;
});

export const declineQuoteByLinkAction = publicAction(ZLinkForm, async (form) => {
  await declineFromForm(await bidderOf(form.token), form);
  revalidatePath(`/q/${form.token}`);
  return null;
});

export const askQuestionByLinkAction = publicAction(ZLinkForm, async (form) => {
  await askFromForm(await bidderOf(form.token), form);
  revalidatePath(`/q/${form.token}`);
  return null;
});

export const confirmQuoteByLinkAction = publicAction(ZLinkForm, async (form) => {
  const result = await confirmFromForm(await bidderOf(form.token), form);
  revalidatePath(`/q/${form.token}`);
  return result;
});
