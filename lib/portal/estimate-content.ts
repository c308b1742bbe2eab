import { createHash } from "node:crypto";
import type { ApprovalDecision } from "@/generated/prisma/client";
import { toDecimal, type TDecimalInput } from "@/lib/money/decimal";
import { moneyString } from "@/lib/money/money-string";
import { priceLine } from "@/lib/money/price-line";
import { sumLines } from "@/lib/money/sum-lines";

export type TContentLine = {
  id: string;
  description: string;
  quantity: TDecimalInput;
  unitCode: string;
  // At customer prices (lib/estimates/customer-prices.ts).
  unitPrice: TDecimalInput;
  taxPercent: TDecimalInput;
  decision: ApprovalDecision;
};

export type TEstimateContent = ReturnType<typeof estimateContent>;

// Exactly what a customer signs: the work order, the terms, every line as shown (its
// quantity, customer price, tax and amounts, and the customer's decision) and the totals of
// the approved lines. Numbers are fixed strings so the same estimate always reads the same.
export function estimateContent(input: {
  workOrder: { id: string; number: number; title: string };
  currency: string;
  terms: string;
  lines: TContentLine[];
}) {
  const { currency } = input;
  const money = (value: TDecimalInput) => moneyString(value, currency);
  const lines = input.lines.map((line) => {
    const amounts = priceLine(line, currency);
    return {
      id: line.id,
      description: line.description,
      quantity: toDecimal(line.quantity).toFixed(3),
      unitCode: line.unitCode,
      unitPrice: money(line.unitPrice),
      taxPercent: toDecimal(line.taxPercent).toFixed(2),
      net: money(amounts.net),
      tax: money(amounts.tax),
      gross: money(amounts.gross),
      decision: line.decision,
    };
  });
  const approved = sumLines(
    input.lines.filter((line) => line.decision === "APPROVED"),
    currency,
  );
  return {
    workOrder: input.workOrder,
    currency,
    terms: input.terms,
    lines,
    approvedTotals: { net: money(approved.net), tax: money(approved.tax), gross: money(approved.gross) },
  };
}

// JSON with its keys in a fixed order and no spacing: one text per content.
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

export function contentHash(content: TEstimateContent): string {
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}
