import { withoutSignIn } from "@/lib/actions/route";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { notFound } from "@/lib/errors";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { getBidderQuote } from "@/lib/quotes/get-bidder-quote";
import { renderQuotePdf } from "@/lib/quotes/render-quote-pdf";
import { resolveQuoteLink } from "@/lib/quotes/resolve-quote-link";

export const dynamic = "force-dynamic";

// A quote exactly as the bidder submitted it (one revision), through its link.
export const GET = withoutSignIn(async (_request, params: { token: string; revision: string }) => {
  const number = Number(params.revision);
  if (!Number.isInteger(number) || number < 1) throw notFound("Quote");
  const view = await getBidderQuote(await resolveQuoteLink(params.token, await currentRequestMeta()));
  return pdfResponse(await renderQuotePdf(view, number), `quote-revision-${number}.pdf`);
});
