import { withActor } from "@/lib/actions/route";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { previewActor } from "@/lib/portal/reader-actors";
import { renderEstimatePdf } from "@/lib/portal/render-estimate-pdf";

export const dynamic = "force-dynamic";

// The customer's estimate PDF (customer prices, decisions, signature), for staff.
export const GET = withActor("staff", "workOrder.read", async (actor, _request, params: { id: string }) => {
  if (!isId(params.id)) throw notFound("Work order");
  return pdfResponse(await renderEstimatePdf(await previewActor(actor, params.id, "estimate")), "estimate.pdf");
});
