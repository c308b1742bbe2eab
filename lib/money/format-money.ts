import type { TDecimalInput } from "./decimal";
import { moneyString } from "./money-string";

// Making a formatter costs far more than using one (a page of 100 priced lines formats
// 500 amounts): one per locale and currency, kept.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

// An amount for people: "£1,240.00", "¥12,400". Intl formats the decimal string itself
// (never a float), after the one rounding rule.
export function formatMoney(amount: TDecimalInput | null | undefined, currency: string, locale = "en-GB"): string {
  if (amount == null) return "—";
  return formatterFor(locale, currency).format(moneyString(amount, currency) as unknown as number);
}
