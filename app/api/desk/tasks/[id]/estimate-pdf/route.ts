import { withActor } from "@/lib/actions/route";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { deskReaderActor } from "@/lib/portal/reader-actors";
import { renderEstimatePdf } from "@/lib/portal/render-estimate-pdf";

export const dynamic = "force-dynamic";

// The customer's estimate PDF of a task the company holds (decisions and signature).
export const GET = withActor("desk", "task.read", async (actor, _request, params: { id: string }) => {
  if (!isId(params.id)) throw notFound("Task");
  return pdfResponse(await renderEstimatePdf(await deskReaderActor(actor, params.id, "estimate")), "estimate.pdf");
});
