import "server-only";
import { lineQuantity } from "./line-quantity";
import { formatMoney } from "@/lib/money/format-money";
import { pdfBytes } from "@/lib/pdf/pdf-bytes";
import { PdfWriter } from "@/lib/pdf/pdf-writer";
import { pricedLinesTable } from "@/lib/pdf/priced-lines-table";
import { formatCalendarDay } from "@/lib/time/zones";
import type { getInvoice } from "./get-invoice";
import { invoiceStatusWords } from "@/lib/statuses/status-words";

type TInvoice = Awaited<ReturnType<typeof getInvoice>>;

// The contractor's invoice as a PDF, from the data its page shows: the parties, the work
// it bills, the lines, the tax per rate and the totals (all from lib/money).
export async function renderInvoicePdf(invoice: TInvoice): Promise<Buffer> {
  const money = (amount: Parameters<typeof formatMoney>[0]) => formatMoney(amount, invoice.currency);
  const { workOrder } = invoice.assignment;
  const company = invoice.contractorCompany;
  const pdf = new PdfWriter({
    title: `Invoice ${invoice.number}`,
    header: `${company.name} · invoice ${invoice.number}`,
    author: company.name,
  });
  pdf.title(
    `Invoice ${invoice.number}`,
    `${invoiceStatusWords(invoice.status).label} · issued ${formatCalendarDay(invoice.issueDate)}`,
  );
  pdf.fields([
    ["From", [company.name, company.address, company.email, company.phone].filter(Boolean).join("\n")],
    ["To", invoice.organisation.name],
    ["Work order", `#${workOrder.number} ${workOrder.title}`],
    [
      "Site",
      `${workOrder.site.name}, ${workOrder.site.addressLine1}, ${workOrder.site.city} ${workOrder.site.postcode}`,
    ],
    ["Purchase order", workOrder.purchaseOrder],
    ["Currency", invoice.currency],
  ]);
  pricedLinesTable(
    pdf,
    invoice.lines.map((line) => ({
      number: String(line.position),
      description: line.description,
      quantity: lineQuantity(line),
      unitPrice: line.unitPrice === null ? "price needed" : money(line.unitPrice),
      taxPercent: line.taxPercent.toString(),
      net: money(line.amounts.net),
    })),
    invoice.totals,
    money,
  );
  if (invoice.decisionNote) pdf.muted(invoice.decisionNote);
  if (invoice.paidAt)
    pdf.muted(
      `Paid on ${formatCalendarDay(invoice.paidAt)}${invoice.paymentReference ? ` (${invoice.paymentReference})` : ""}.`,
    );
  return pdfBytes(pdf.doc);
}
