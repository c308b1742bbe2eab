import { notFound } from "next/navigation";
import { BidderQuote } from "@/components/quotes/bidder-quote";
import { ProblemPage } from "@/components/ui/problem-page";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { getBidderQuote } from "@/lib/quotes/get-bidder-quote";
import { resolveQuoteLink } from "@/lib/quotes/resolve-quote-link";
import { now } from "@/lib/time/now";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import {
  answerQuoteByLinkAction,
  askQuestionByLinkAction,
  confirmQuoteByLinkAction,
  declineQuoteByLinkAction,
} from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Request for quote · Fieldgate", referrer: "no-referrer", robots: { index: false } };

// A bidder's page through its emailed link. Opening it (any number of times, by a person
// or a mail scanner) changes nothing but the access log and the first-opened mark; every
// answer is a post of the form.
export default async function QuoteLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const at = now();
  let view;
  try {
    view = await getBidderQuote(await resolveQuoteLink(token, await currentRequestMeta(), "QUOTE_VIEWED", at), at);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code !== "LINK_EXPIRED") notFound();
    return (
      <ProblemPage title="This link no longer works">
        <p>{error.message}</p>
      </ProblemPage>
    );
  }
  const clock = await readReaderClock(view.request.workOrder.site.timezone ?? view.request.organisation.timezone);
  return (
    <div className="page-narrow">
      <BidderQuote
        view={view}
        clock={clock}
        now={at}
        hidden={{ token }}
        pdfHref={(revision) => `/q/${token}/pdf/${revision}`}
        fileHref={(id) => `/q/${token}/files/${id}`}
        actions={{
          answer: answerQuoteByLinkAction,
          decline: declineQuoteByLinkAction,
          ask: askQuestionByLinkAction,
          confirm: confirmQuoteByLinkAction,
        }}
      />
    </div>
  );
}
