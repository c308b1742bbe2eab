import "server-only";
import { lineQuantity } from "./line-quantity";
import { formatMoney } from "@/lib/money/format-money";
import { pdfBytes } from "@/lib/pdf/pdf-bytes";
import { PdfWriter } from "@/lib/pdf/pdf-writer";
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
  pdf.table(
    [
      { label: "#", width: 0.05 },
      { label: "Description", width: 0.41 },
      { label: "Quantity", width: 0.14, align: "right" },
      { label: "Unit price", width: 0.14, align: "right" },
      { label: "Tax", width: 0.1, align: "right" },
      { label: "Net", width: 0.16, align: "right" },
    ],
    invoice.lines.map((line) => [
      String(line.position),
      line.description,
      lineQuantity(line),
      line.unitPrice === null ? "price needed" : money(line.unitPrice),
      `${line.taxPercent.toString()} %`,
      money(line.amounts.net),
    ]),
    {
      footer: [
        ["", "Net", "", "", "", money(invoice.totals.net)],
        ...invoice.totals.taxByRate.map((rate) => [
          "",
          `Tax at ${rate.taxPercent} % on ${money(rate.net)}`,
          "",
          "",
          "",
          money(rate.tax),
        ]),
        ["", "Total with tax", "", "", "", money(invoice.totals.gross)],
      ],
    },
  );
  if (invoice.decisionNote) pdf.muted(invoice.decisionNote);
  if (invoice.paidAt)
    pdf.muted(
      `Paid on ${formatCalendarDay(invoice.paidAt)}${invoice.paymentReference ? ` (${invoice.paymentReference})` : ""}.`,
    );
  return pdfBytes(pdf.doc);
}
