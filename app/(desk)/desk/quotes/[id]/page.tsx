import Link from "next/link";
import { notFound } from "next/navigation";
import { BidderQuote } from "@/components/quotes/bidder-quote";
import { requireDeskActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { deskBidder } from "@/lib/quotes/desk-bidder";
import { getBidderQuote } from "@/lib/quotes/get-bidder-quote";
import { now } from "@/lib/time/now";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import {
  answerQuoteFromDeskAction,
  askQuestionFromDeskAction,
  confirmQuoteFromDeskAction,
  declineQuoteFromDeskAction,
} from "../actions";

export const metadata = { title: "Request for quote · Fieldgate Desk" };

export default async function DeskQuotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireDeskActor(`/desk/quotes/${id}`);
  const at = now();
  const view = await deskBidder(actor, id)
    .then((bidder) => getBidderQuote(bidder, at))
    .catch((error) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
  const clock = await readReaderClock(view.request.workOrder.site.timezone ?? view.request.organisation.timezone);
  return (
    <div className="page-narrow">
      <Link href="/desk/quotes" className="back-link">
        ← Requests for quote
      </Link>
      <BidderQuote
        view={view}
        clock={clock}
        now={at}
        hidden={{}}
        pdfHref={(revision) => `/api/desk/quotes/${id}/pdf/${revision}`}
        fileHref={(fileId) => `/api/desk/quotes/${id}/files/${fileId}`}
        actions={{
          answer: answerQuoteFromDeskAction,
          decline: declineQuoteFromDeskAction,
          ask: askQuestionFromDeskAction,
          confirm: confirmQuoteFromDeskAction,
        }}
      />
    </div>
  );
}
