import { withActor } from "@/lib/actions/route";
import { notFound } from "@/lib/errors";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { deskBidder } from "@/lib/quotes/desk-bidder";
import { getBidderQuote } from "@/lib/quotes/get-bidder-quote";
import { renderQuotePdf } from "@/lib/quotes/render-quote-pdf";

export const dynamic = "force-dynamic";

// A quote exactly as the company submitted it (one revision).
export const GET = withActor(
  "desk",
  "quote.answer",
  async (actor, _request, params: { id: string; revision: string }) => {
    const number = Number(params.revision);
    if (!Number.isInteger(number) || number < 1) throw notFound("Quote");
    const view = await getBidderQuote(await deskBidder(actor, params.id));
    return pdfResponse(await renderQuotePdf(view, number), `quote-revision-${number}.pdf`);
  },
);
