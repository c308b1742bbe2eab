import { Decimal, toDecimal, type TDecimalInput } from "./decimal";
import { moneyString } from "./money-string";

export type TAmountIn = { amount: TDecimalInput; currency: string };

// Amounts in several currencies are never added together: one total per currency, in
// alphabetical order of the code, each as its canonical string.
export function totalByCurrency(amounts: TAmountIn[]): { currency: string; total: string }[] {
  const totals = new Map<string, Decimal>();
  for (const { amount, currency } of amounts)
    totals.set(currency, (totals.get(currency) ?? new Decimal(0)).plus(toDecimal(amount)));
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, total]) => ({ currency, total: moneyString(total, currency) }));
}
