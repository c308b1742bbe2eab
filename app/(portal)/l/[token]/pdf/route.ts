import { withPortalLink } from "@/lib/actions/route";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { renderEstimatePdf } from "@/lib/portal/render-estimate-pdf";

export const dynamic = "force-dynamic";

// The estimate's PDF through the customer's estimate link.
export const GET = withPortalLink("estimate.sign", "PORTAL_DOWNLOADED", async (actor) =>
  pdfResponse(await renderEstimatePdf(actor), "estimate.pdf"),
);
