import { withActor } from "@/lib/actions/route";
import { invalidInput } from "@/lib/errors";
import { ZIdSchema } from "@/lib/ids";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";
import { pdfResponse } from "@/lib/pdf/pdf-response";

export const dynamic = "force-dynamic";

export const GET = withActor("desk", "invoice.read", async (actor, _request, params: { id: string }) => {
  if (!ZIdSchema.safeParse(params.id).success) throw invalidInput("Malformed invoice id");
  const invoice = await getInvoice(actor, params.id);
  return pdfResponse(await renderInvoicePdf(invoice), `invoice-${invoice.number}.pdf`);
});
