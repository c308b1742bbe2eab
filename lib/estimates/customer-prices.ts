import { Decimal, toDecimal, type TDecimalInput } from "@/lib/money/decimal";
import { roundMoney } from "@/lib/money/round-money";

// What a customer pays per unit for contractor work: the contractor's price with the
// organisation's markup, rounded once to the currency. Every view and document a customer
// sees prices lines through this function; the contractor's own prices never reach them.
export function customerUnitPrice(unitPrice: TDecimalInput, markupPercent: TDecimalInput, currency: string): Decimal {
  const factor = new Decimal(100).plus(toDecimal(markupPercent)).dividedBy(100);
  return roundMoney(toDecimal(unitPrice).times(factor), currency);
}

// Lines as the customer sees them: the same lines with customer unit prices.
export function atCustomerPrices<L extends { unitPrice: TDecimalInput }>(
  lines: L[],
  markupPercent: TDecimalInput,
  currency: string,
): (Omit<L, "unitPrice"> & { unitPrice: Decimal })[] {
  return lines.map((line) => ({ ...line, unitPrice: customerUnitPrice(line.unitPrice, markupPercent, currency) }));
}
