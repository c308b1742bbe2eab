import "server-only";
import type { TTx } from "@/lib/db";
import { moneyString } from "@/lib/money/money-string";
import { sumLines } from "@/lib/money/sum-lines";
import { invalidInput } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format-money";
import { isWithinMaxAmount, MAX_AMOUNT } from "@/lib/money/max-amount";

// Reprices an invoice from its lines (lib/money) and keeps the totals on it, so lists and
// exports read exactly what the invoice shows. A line still without a price counts as 0
// here; submission refuses it.
export async function storeInvoiceTotals(tx: TTx, invoiceId: string) {
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    select: {
      currency: true,
      lines: { select: { quantity: true, minutes: true, unitPrice: true, taxPercent: true } },
    },
  });
  const totals = sumLines(
    invoice.lines.map((line) => ({
      quantity: line.quantity,
      minutes: line.minutes,
      unitPrice: line.unitPrice ?? 0,
      taxPercent: line.taxPercent,
    })),
    invoice.currency,
  );
  if (!isWithinMaxAmount(totals.gross))
    throw invalidInput("Please correct the highlighted fields.", {
      unitPrice: [
        `With this line the invoice would total ${formatMoney(totals.gross, invoice.currency)}, more than an invoice can hold (${formatMoney(MAX_AMOUNT, invoice.currency)}): lower the quantity or the price`,
      ],
    });
  await tx.invoice.update({
    where: { id: invoiceId },
    data: {
      net: moneyString(totals.net, invoice.currency),
      tax: moneyString(totals.tax, invoice.currency),
      gross: moneyString(totals.gross, invoice.currency),
      version: { increment: 1 },
    },
  });
  return totals;
}
