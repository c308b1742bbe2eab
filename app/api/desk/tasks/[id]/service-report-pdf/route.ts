import { withActor } from "@/lib/actions/route";
import { invalidInput } from "@/lib/errors";
import { ZIdSchema } from "@/lib/ids";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { serviceReportPdf } from "@/lib/work-orders/service-report";

export const dynamic = "force-dynamic";

export const GET = withActor("desk", "task.read", async (actor, _request, params: { id: string }) => {
  if (!ZIdSchema.safeParse(params.id).success) throw invalidInput("Malformed task id");
  const report = await serviceReportPdf(actor, { assignmentId: params.id });
  return pdfResponse(report.bytes, `service-report-${report.number}.pdf`);
});
