import { withActor } from "@/lib/actions/route";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { renderWorkOrderPdf } from "@/lib/work-orders/render-work-order-pdf";
import { staffWorkOrderSheet } from "@/lib/work-orders/work-order-sheets";

export const dynamic = "force-dynamic";

export const GET = withActor("staff", "workOrder.read", async (actor, _request, params: { id: string }) => {
  const sheet = await staffWorkOrderSheet(actor, params.id);
  return pdfResponse(await renderWorkOrderPdf(sheet), `work-order-${sheet.number}.pdf`);
});
