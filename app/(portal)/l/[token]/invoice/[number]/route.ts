import { withPortalLink } from "@/lib/actions/route";
import { customerInvoicePdf } from "@/lib/customer-invoices/customer-invoice-pdf";
import { notFound } from "@/lib/errors";
import { pdfResponse } from "@/lib/pdf/pdf-response";

export const dynamic = "force-dynamic";

// A customer invoice's PDF through the customer's invoice link.
export const GET = withPortalLink(
  "customerInvoice.read",
  "PORTAL_DOWNLOADED",
  async (actor, _request, params: { token: string; number: string }) => {
    const number = Number(params.number);
    if (!Number.isInteger(number) || number < 1) throw notFound("Invoice");
    return pdfResponse(await customerInvoicePdf(actor, number), `invoice-${number}.pdf`);
  },
);
