import { Decimal, toDecimal } from "./decimal";
import { priceLine, type TLineInput, type TPricedLine } from "./price-line";

export type TDocumentTotals = TPricedLine & { taxByRate: { taxPercent: string; net: Decimal; tax: Decimal }[] };

// An estimate's or an invoice's totals: the sums of its lines' rounded amounts, and the
// tax per rate (as an invoice's tax summary shows it).
export function sumLines(lines: TLineInput[], currency: string): TDocumentTotals {
  const zero = new Decimal(0);
  const byRate = new Map<string, { taxPercent: string; net: Decimal; tax: Decimal }>();
  let net = zero;
  let tax = zero;
  for (const line of lines) {
    const priced = priceLine(line, currency);
    net = net.plus(priced.net);
    tax = tax.plus(priced.tax);
    const rate = toDecimal(line.taxPercent).toString();
    const entry = byRate.get(rate) ?? { taxPercent: rate, net: zero, tax: zero };
    byRate.set(rate, { taxPercent: rate, net: entry.net.plus(priced.net), tax: entry.tax.plus(priced.tax) });
  }
  const taxByRate = [...byRate.values()].sort((a, b) => new Decimal(b.taxPercent).comparedTo(a.taxPercent));
  return { net, tax, gross: net.plus(tax), taxByRate };
}
