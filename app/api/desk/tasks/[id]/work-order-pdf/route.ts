import { withActor } from "@/lib/actions/route";
import { invalidInput } from "@/lib/errors";
import { ZIdSchema } from "@/lib/ids";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { renderWorkOrderPdf } from "@/lib/work-orders/render-work-order-pdf";
import { deskWorkOrderSheet } from "@/lib/work-orders/work-order-sheets";

export const dynamic = "force-dynamic";

export const GET = withActor("desk", "task.read", async (actor, _request, params: { id: string }) => {
  if (!ZIdSchema.safeParse(params.id).success) throw invalidInput("Malformed task id");
  const sheet = await deskWorkOrderSheet(actor, params.id);
  return pdfResponse(await renderWorkOrderPdf(sheet), `work-order-${sheet.number}.pdf`);
});
