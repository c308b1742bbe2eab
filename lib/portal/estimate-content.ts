import { createHash } from "node:crypto";
import type { ApprovalDecision } from "@/generated/prisma/client";
import { currencyMinorUnits } from "@/lib/money/currency";
import { Decimal, toDecimal, type TDecimalInput } from "@/lib/money/decimal";
import { moneyString } from "@/lib/money/money-string";
import { priceLine } from "@/lib/money/price-line";

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
  const units = currencyMinorUnits(currency);
  // Amounts from priceLine are rounded to the currency already: written, not re-rounded.
  const written = (value: Decimal) => value.toFixed(units);
  let approved = { net: new Decimal(0), tax: new Decimal(0), gross: new Decimal(0) };
  const lines = input.lines.map((line) => {
    const amounts = priceLine(line, currency);
    if (line.decision === "APPROVED")
      approved = {
        net: approved.net.plus(amounts.net),
        tax: approved.tax.plus(amounts.tax),
        gross: approved.gross.plus(amounts.gross),
      };
    return {
      id: line.id,
      description: line.description,
      quantity: toDecimal(line.quantity).toFixed(3),
      unitCode: line.unitCode,
      unitPrice: moneyString(line.unitPrice, currency),
      taxPercent: toDecimal(line.taxPercent).toFixed(2),
      net: written(amounts.net),
      tax: written(amounts.tax),
      gross: written(amounts.gross),
      decision: line.decision,
    };
  });
  const money = written;
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
