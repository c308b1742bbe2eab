import { withoutSignIn } from "@/lib/actions/route";
import { downloadResponse } from "@/lib/attachments/download-response";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { readBidderFile } from "@/lib/quotes/quote-attachments";
import { resolveQuoteLink } from "@/lib/quotes/resolve-quote-link";

export const dynamic = "force-dynamic";

// A file of the request, or the bidder's own quote document, through the bidder's link.
export const GET = withoutSignIn(async (_request, params: { token: string; id: string }) => {
  const bidder = await resolveQuoteLink(params.token, await currentRequestMeta());
  return downloadResponse(await readBidderFile(bidder, params.id));
});
