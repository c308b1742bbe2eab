import "server-only";
import { quantityWithUnit } from "@/lib/billing/unit-codes";
import { formatMoney } from "@/lib/money/format-money";
import { sumLines } from "@/lib/money/sum-lines";
import { pdfBytes } from "@/lib/pdf/pdf-bytes";
import { PdfWriter } from "@/lib/pdf/pdf-writer";
import { dayInZone, formatCalendarDay } from "@/lib/time/zones";
import type { TCustomerInvoice } from "./list-customer-invoices";

// The organisation's invoice to its customer, as issued: seller and buyer as they were,
// its number, issue and due dates, the lines, tax per rate and the totals. A cancelled
// one says so and names the invoice that replaced it.
export async function renderCustomerInvoicePdf(
  invoice: TCustomerInvoice,
  workOrder: { number: number; title: string },
  zone: string,
) {
  const money = (value: { toString(): string }) => formatMoney(value.toString(), invoice.currency);
  const pdf = new PdfWriter({
    title: `Invoice ${invoice.number}: ${invoice.seller.name}`,
    header: `${invoice.seller.name} · invoice ${invoice.number}`,
    author: invoice.seller.name,
  });
  pdf.title(`Invoice ${invoice.number}`, `Work order #${workOrder.number}: ${workOrder.title}`);
  if (invoice.status === "CANCELLED")
    pdf.paragraph(
      `CANCELLED${invoice.cancelReason ? `: ${invoice.cancelReason}` : ""}${invoice.replacedBy ? `. Replaced by invoice ${invoice.replacedBy}.` : ""}`,
      { color: "#b42318" },
    );
  pdf.fields([
    ["From", [invoice.seller.name, invoice.seller.address].join(", ")],
    ["Tax number", invoice.seller.taxNumber],
    ["To", [invoice.buyer.name, invoice.buyer.company, invoice.buyer.email].filter(Boolean).join(", ")],
    ["Site", invoice.buyer.site],
    ["Invoice date", formatCalendarDay(new Date(`${dayInZone(invoice.issuedAt, zone)}T00:00:00Z`))],
    ["Due", formatCalendarDay(invoice.dueAt)],
    ["Replaces", invoice.replaces ? `invoice ${invoice.replaces}` : null],
    ["Currency", invoice.currency],
  ]);
  const totals = sumLines(invoice.lines, invoice.currency);
  pdf.table(
    [
      { label: "#", width: 0.05 },
      { label: "Description", width: 0.43 },
      { label: "Quantity", width: 0.14, align: "right" },
      { label: "Unit price", width: 0.14, align: "right" },
      { label: "Tax", width: 0.08, align: "right" },
      { label: "Net", width: 0.16, align: "right" },
    ],
    invoice.lines.map((line, i) => [
      String(i + 1),
      line.description,
      quantityWithUnit(line.quantity, line.unitCode),
      money(line.unitPrice),
      `${line.taxPercent.toString()} %`,
      money(line.net),
    ]),
    {
      footer: [
        ["", "Net", "", "", "", money(invoice.net)],
        ...totals.taxByRate.map((rate) => [
          "",
          `Tax at ${rate.taxPercent} % on ${money(rate.net)}`,
          "",
          "",
          "",
          money(rate.tax),
        ]),
        ["", "Total due", "", "", "", money(invoice.gross)],
      ],
    },
  );
  return pdfBytes(pdf.doc);
}
