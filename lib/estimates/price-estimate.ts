import type { TDecimalInput } from "@/lib/money/decimal";
import { priceLine, type TPricedLine } from "@/lib/money/price-line";
import { sumLines } from "@/lib/money/sum-lines";

type TLine = { quantity: TDecimalInput; unitPrice: TDecimalInput; taxPercent: TDecimalInput; approvedAt: Date | null };

// An estimate's lines priced, and its totals: the approved lines' (the not-to-exceed amount
// is their net) and the drafts' apart.
export function priceEstimate<L extends TLine>(lines: L[], currency: string) {
  const priced: (L & { amounts: TPricedLine })[] = lines.map((line) => ({
    ...line,
    amounts: priceLine(line, currency),
  }));
  return {
    lines: priced,
    approved: sumLines(
      lines.filter((line) => line.approvedAt),
      currency,
    ),
    drafts: sumLines(
      lines.filter((line) => !line.approvedAt),
      currency,
    ),
  };
}
