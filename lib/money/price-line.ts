import { Decimal, toDecimal, type TDecimalInput } from "./decimal";
import { roundMoney } from "./round-money";

export type TLineInput = {
  quantity: TDecimalInput;
  // Hours given as exact minutes (labour from recorded time): priced from these, since
  // 50 minutes is no finite decimal of hours (0.833 h × £75 = £62.48, not £62.50).
  minutes?: number | null;
  unitPrice: TDecimalInput;
  // Per cent off this line, before tax (0 when absent).
  discountPercent?: TDecimalInput;
  // Per cent of the line's net amount (20 for 20 %).
  taxPercent: TDecimalInput;
};

export type TPricedLine = { net: Decimal; tax: Decimal; gross: Decimal };

// A line's amounts. Net is quantity (or minutes ÷ 60) × unit price less the discount,
// rounded once; the tax is worked out on that rounded net and rounded once, per line (as
// an invoice prints it), so the printed net, tax and gross of every line add up exactly.
export function priceLine(line: TLineInput, currency: string): TPricedLine {
  const hundred = new Decimal(100);
  const discount = toDecimal(line.discountPercent ?? 0);
  const beforeDiscount =
    line.minutes !== undefined && line.minutes !== null
      ? new Decimal(line.minutes).times(toDecimal(line.unitPrice)).dividedBy(60)
      : toDecimal(line.quantity).times(toDecimal(line.unitPrice));
  const net = roundMoney(beforeDiscount.times(hundred.minus(discount)).dividedBy(hundred), currency);
  const tax = roundMoney(net.times(toDecimal(line.taxPercent)).dividedBy(hundred), currency);
  return { net, tax, gross: net.plus(tax) };
}
