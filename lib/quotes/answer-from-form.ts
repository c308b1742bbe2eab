import "server-only";
import { parseInput } from "@/lib/actions/result";
import { withStoredUpload, type TUploadRule } from "@/lib/attachments/store-upload";
import { db } from "@/lib/db";
import { answerQuote, confirmQuote, declineQuote } from "./answer-quote";
import type { TBidder } from "./resolve-quote-link";
import {
  ZQuoteDocumentSchema,
  quoteAnswerFormSchema,
  ZAskQuestionSchema,
  ZDeclineQuoteSchema,
  ZInvitationIdSchema,
} from "./schemas";
import { askQuestion } from "./quote-questions";

const QUOTE_DOCUMENT_RULE: TUploadRule = {
  accepts: (type) => type === "application/pdf" || type.startsWith("image/"),
  refusal: "Attach the quote as a PDF or a picture",
};

// An answer as a bidder's form posts it, from its link or the Desk: read in the client's
// currency (so a price with more decimals than it has is refused beside its field), then
// saved as a draft or submitted as the button pressed says.
export async function answerFromForm(bidder: TBidder, form: Record<string, unknown>) {
  const { currency } = await db.organisation.findUniqueOrThrow({
    where: { id: bidder.organisationId },
    select: { currency: true },
  });
  const submit = form.intent === "submit";
  const input = parseInput(quoteAnswerFormSchema(currency), form);
  const { file } = parseInput(ZQuoteDocumentSchema, form);
  const revision = file
    ? await withStoredUpload(file, bidder.organisationId, QUOTE_DOCUMENT_RULE, (upload) =>
        answerQuote(bidder, input, { submit, document: upload }),
      )
    : await answerQuote(bidder, input, { submit });
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
