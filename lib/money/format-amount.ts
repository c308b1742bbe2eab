import type { TDecimalInput } from "./decimal";
import { moneyString } from "./money-string";

// Without the symbol, as a difference reads in a sentence: "1,240.00".
export function formatAmount(amount: TDecimalInput, currency: string, locale = "en-GB"): string {
  const digits = moneyString(amount, currency).split(".")[1]?.length ?? 0;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    moneyString(amount, currency) as unknown as number,
  );
}
