import { withActor } from "@/lib/actions/route";
import { exportApprovedInvoicesCsv } from "@/lib/invoices/export-approved-invoices";

export const dynamic = "force-dynamic";

export const GET = withActor("staff", "invoice.read", async (actor) => {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exportApprovedInvoicesCsv(actor), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="approved-invoices-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
