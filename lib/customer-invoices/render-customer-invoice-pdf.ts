import "server-only";
import { quantityWithUnit } from "@/lib/billing/unit-codes";
import { formatMoney } from "@/lib/money/format-money";
import { sumLines } from "@/lib/money/sum-lines";
import { pdfBytes } from "@/lib/pdf/pdf-bytes";
import { PdfWriter } from "@/lib/pdf/pdf-writer";
import { pricedLinesTable } from "@/lib/pdf/priced-lines-table";
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
  pricedLinesTable(
    pdf,
    invoice.lines.map((line, i) => ({
      number: String(i + 1),
      description: line.description,
      quantity: quantityWithUnit(line.quantity, line.unitCode),
      unitPrice: money(line.unitPrice),
      taxPercent: line.taxPercent.toString(),
      net: money(line.net),
    })),
    sumLines(invoice.lines, invoice.currency),
    money,
    "Total due",
  );
  return pdfBytes(pdf.doc);
}
