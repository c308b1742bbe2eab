import { withActor } from "@/lib/actions/route";
import { customerInvoicePdf } from "@/lib/customer-invoices/customer-invoice-pdf";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { previewActor } from "@/lib/portal/reader-actors";

export const dynamic = "force-dynamic";

// One of the work order's customer invoices as a PDF, for staff.
export const GET = withActor(
  "staff",
  "workOrder.read",
  async (actor, _request, params: { id: string; number: string }) => {
    const number = Number(params.number);
    if (!isId(params.id) || !Number.isInteger(number) || number < 1) throw notFound("Invoice");
    return pdfResponse(
      await customerInvoicePdf(await previewActor(actor, params.id, "invoice"), number),
      `invoice-${number}.pdf`,
    );
  },
);
