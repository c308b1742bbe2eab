import { withActor } from "@/lib/actions/route";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { serviceReportPdf } from "@/lib/work-orders/service-report";

export const dynamic = "force-dynamic";

export const GET = withActor("staff", "workOrder.read", async (actor, _request, params: { id: string }) => {
  const report = await serviceReportPdf(actor, { workOrderId: params.id });
  return pdfResponse(report.bytes, `service-report-${report.number}.pdf`);
});
