import { withActor } from "@/lib/actions/route";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { exportComparisonPdf } from "@/lib/quotes/export-comparison";

export const dynamic = "force-dynamic";

export const GET = withActor("staff", "workOrder.read", async (actor, _request, params: { id: string }) => {
  const { pdf, number } = await exportComparisonPdf(actor, params.id);
  return pdfResponse(pdf, `quotes-work-order-${number}.pdf`);
});
