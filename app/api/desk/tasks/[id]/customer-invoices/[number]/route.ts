import { withActor } from "@/lib/actions/route";
import { customerInvoicePdf } from "@/lib/customer-invoices/customer-invoice-pdf";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { deskReaderActor } from "@/lib/portal/reader-actors";

export const dynamic = "force-dynamic";

// The client's invoice to its customer for a task the company holds, as a PDF.
export const GET = withActor("desk", "task.read", async (actor, _request, params: { id: string; number: string }) => {
  const number = Number(params.number);
  if (!isId(params.id) || !Number.isInteger(number) || number < 1) throw notFound("Invoice");
  return pdfResponse(
    await customerInvoicePdf(await deskReaderActor(actor, params.id, "invoice"), number),
    `invoice-${number}.pdf`,
  );
});
