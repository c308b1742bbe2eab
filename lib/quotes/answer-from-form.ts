import "server-only";
import { parseInput } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { answerQuote, confirmQuote, declineQuote } from "./answer-quote";
import type { TBidder } from "./resolve-quote-link";
import { quoteAnswerFormSchema, ZAskQuestionSchema, ZDeclineQuoteSchema, ZInvitationIdSchema } from "./schemas";
import { askQuestion } from "./quote-questions";

// An answer as a bidder's form posts it, from its link or the Desk: read in the client's
// currency (so a price with more decimals than it has is refused beside its field), then
// saved as a draft or submitted as the button pressed says.
export async function answerFromForm(bidder: TBidder, form: Record<string, unknown>) {
  const { currency } = await db.organisation.findUniqueOrThrow({
    where: { id: bidder.organisationId },
    select: { currency: true },
  });
  const submit = form.intent === "submit";
  const revision = await answerQuote(bidder, parseInput(quoteAnswerFormSchema(currency), form), { submit });
  return { submitted: submit, revision: revision.number };
}

export async function askFromForm(bidder: TBidder, form: Record<string, unknown>) {
  await askQuestion(bidder, parseInput(ZAskQuestionSchema, form));
  return null;
}

export async function confirmFromForm(bidder: TBidder, form: Record<string, unknown>) {
  const revision = await confirmQuote(bidder, parseInput(ZInvitationIdSchema, form));
  return { submitted: true, revision: revision.number };
}

export async function declineFromForm(bidder: TBidder, form: Record<string, unknown>) {
  await declineQuote(bidder, parseInput(ZDeclineQuoteSchema, form));
  return null;
}
