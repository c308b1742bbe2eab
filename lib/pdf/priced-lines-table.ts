import type { Decimal } from "@/lib/money/decimal";
import type { TDocumentTotals } from "@/lib/money/sum-lines";
import type { PdfWriter } from "./pdf-writer";

// A priced document's lines as quotes and invoices print them: number, description,
// quantity, unit price, tax rate and net, then the net, the tax per rate and the total.
// Cells come formatted (a line may say "price needed"); `money` formats the totals.
export function pricedLinesTable(
  pdf: PdfWriter,
  rows: { number: string; description: string; quantity: string; unitPrice: string; taxPercent: string; net: string }[],
  totals: TDocumentTotals,
  money: (value: Decimal) => string,
  totalLabel = "Total with tax",
) {
  pdf.table(
    [
      { label: "#", width: 0.05 },
      { label: "Description", width: 0.41 },
      { label: "Quantity", width: 0.14, align: "right" },
      { label: "Unit price", width: 0.14, align: "right" },
      { label: "Tax", width: 0.1, align: "right" },
      { label: "Net", width: 0.16, align: "right" },
    ],
    rows.map((row) => [row.number, row.description, row.quantity, row.unitPrice, `${row.taxPercent} %`, row.net]),
    {
      footer: [
        ["", "Net", "", "", "", money(totals.net)],
        ...totals.taxByRate.map((rate) => [
          "",
          `Tax at ${rate.taxPercent} % on ${money(rate.net)}`,
          "",
          "",
          "",
          money(rate.tax),
        ]),
        ["", totalLabel, "", "", "", money(totals.gross)],
      ],
    },
  );
}
