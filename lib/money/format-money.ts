import type { TDecimalInput } from "./decimal";
import { moneyString } from "./money-string";

// An amount for people: "£1,240.00", "¥12,400". Intl formats the decimal string itself
// (never a float), after the one rounding rule.
export function formatMoney(amount: TDecimalInput | null | undefined, currency: string, locale = "en-GB"): string {
  if (amount == null) return "—";
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(
    moneyString(amount, currency) as unknown as number,
  );
}
