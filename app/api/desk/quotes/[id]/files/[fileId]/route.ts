import { withActor } from "@/lib/actions/route";
import { downloadResponse } from "@/lib/attachments/download-response";
import { deskBidder } from "@/lib/quotes/desk-bidder";
import { readBidderFile } from "@/lib/quotes/quote-attachments";

export const dynamic = "force-dynamic";

// A file of a request the person's company was invited to, or the company's own quote document.
export const GET = withActor(
  "desk",
  "quote.answer",
  async (actor, _request, params: { id: string; fileId: string }) => {
    return downloadResponse(await readBidderFile(await deskBidder(actor, params.id), params.fileId));
  },
);
