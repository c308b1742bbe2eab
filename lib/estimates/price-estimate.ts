import type { ApprovalDecision } from "@/generated/prisma/client";
import type { TDecimalInput } from "@/lib/money/decimal";
import { priceLine, type TPricedLine } from "@/lib/money/price-line";
import { sumLines } from "@/lib/money/sum-lines";
import { isCounted, type TCountRule } from "./counted-lines";

type TLine = {
  quantity: TDecimalInput;
  unitPrice: TDecimalInput;
  taxPercent: TDecimalInput;
  approvedAt: Date | null;
  supersededAt: Date | null;
  decision: ApprovalDecision;
};

const COUNT_APPROVED: TCountRule = { requireCustomerApproval: false };

// An estimate's lines priced, and its totals: the counted lines' (the not-to-exceed amount
// is their net; lib/estimates/counted-lines.ts says which count) and the drafts' apart.
export function priceEstimate<L extends TLine>(lines: L[], currency: string, rule: TCountRule = COUNT_APPROVED) {
  const priced: (L & { amounts: TPricedLine; counted: boolean })[] = lines.map((line) => ({
    ...line,
    amounts: priceLine(line, currency),
    counted: isCounted(line, rule),
  }));
  return {
    lines: priced,
    counted: sumLines(
      lines.filter((line) => isCounted(line, rule)),
      currency,
    ),
    drafts: sumLines(
      lines.filter((line) => !line.approvedAt),
      currency,
    ),
  };
}
