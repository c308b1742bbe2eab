import type { ReactNode } from "react";
import { TableScroll } from "@/components/ui/table-scroll";
import { lineQuantity } from "@/lib/invoices/line-quantity";
import type { getInvoice } from "@/lib/invoices/get-invoice";
import { formatMoney } from "@/lib/money/format-money";
import { LABOUR_TYPE_LABELS, type TLabourType } from "@/lib/work-time/labour-types";

type TInvoice = Awaited<ReturnType<typeof getInvoice>>;

const KIND_LABELS = { CALLOUT: "Call-out fee", COST: "Cost", OTHER: "Other" } as const;

// What a line is and where it came from, without repeating its own description.
function provenance(
  line: {
    kind: string;
    labourType: TLabourType | null;
    description: string;
    timeEntryIds: string[];
    costEntryId: string | null;
  },
  billed: { position: number; description: string } | undefined,
): string[] {
  const kind =
    line.kind === "LABOUR" && line.labourType
      ? `Labour, ${LABOUR_TYPE_LABELS[line.labourType].toLowerCase()}`
      : KIND_LABELS[line.kind as keyof typeof KIND_LABELS];
  const entries = line.timeEntryIds.length;
  return [
    ...(kind && kind.toLowerCase() !== line.description.trim().toLowerCase() ? [kind] : []),
    ...(entries > 0 ? [`from ${entries} time ${entries === 1 ? "entry" : "entries"}`] : []),
    ...(line.costEntryId ? ["from a recorded cost"] : []),
    ...(billed ? [`bills estimate line ${billed.position} (${billed.description})`] : []),
  ];
}

// An invoice's lines as both sides read them: what each bills (and the entries or
// estimate line it comes from), its amounts, the differences flagged at submission and
// the client's dispute, with the totals and tax per rate below.
export function InvoiceLines({
  invoice,
  actions,
}: {
  invoice: TInvoice;
  // The Desk's edit and remove buttons for a line, when it may change it.
  actions?: (line: TInvoice["lines"][number]) => ReactNode;
}) {
  const money = (amount: Parameters<typeof formatMoney>[0]) => formatMoney(amount, invoice.currency);
  const estimateLine = new Map(invoice.approvedEstimate.map((line) => [line.id, line]));
  const columns = actions ? 7 : 6;
  return (
    <TableScroll label="Invoice lines">
      <table className="table table-stack" aria-label="Invoice lines">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>Description</th>
            <th className="num">Quantity</th>
            <th className="num">Unit price</th>
            <th className="num">Tax</th>
            <th className="num">Net</th>
            {actions && <th aria-label="Actions" />}
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line) => {
            const billed = line.estimateLineId ? estimateLine.get(line.estimateLineId) : undefined;
            return (
              <tr key={line.id} data-testid="invoice-line">
                <td className="num" data-label="Line">
                  {line.position}
                </td>
                <td>
                  {line.description}
                  <div className="hint">{provenance(line, billed).join(" · ")}</div>
                  {line.differences.map((difference) => (
                    <div key={difference.code} className="flag" data-testid="line-difference">
                      ⚠ {difference.reason} ({money(difference.amount)})
                    </div>
                  ))}
                  {line.disputeReason && (
                    <div className="alert alert-warning" data-testid="line-dispute">
                      Disputed: {line.disputeReason}
                    </div>
                  )}
                </td>
                <td className="num" data-label="Quantity">
                  {lineQuantity(line)}
                </td>
                <td className="num" data-label="Unit price">
                  {line.unitPrice === null ? <span className="flag">Price needed</span> : money(line.unitPrice)}
                </td>
                <td className="num" data-label="Tax">
                  {line.taxPercent.toString()} %
                </td>
                <td className="num" data-label="Net">
                  {money(line.amounts.net)}
                </td>
                {actions && <td>{actions(line)}</td>}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              Net
            </th>
            <td className="num" data-testid="invoice-net">
              {money(invoice.totals.net)}
            </td>
            {columns === 7 && <td />}
          </tr>
          {invoice.totals.taxByRate.map((rate) => (
            <tr key={rate.taxPercent}>
              <th scope="row" colSpan={5}>
                Tax at {rate.taxPercent} % on {money(rate.net)}
              </th>
              <td className="num">{money(rate.tax)}</td>
              {columns === 7 && <td />}
            </tr>
          ))}
          <tr>
            <th scope="row" colSpan={5}>
              Total with tax
            </th>
            <td className="num" data-testid="invoice-gross">
              <strong>{money(invoice.totals.gross)}</strong>
            </td>
            {columns === 7 && <td />}
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
