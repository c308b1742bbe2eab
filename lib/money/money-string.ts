import { currencyMinorUnits } from "./currency";
import type { TDecimalInput } from "./decimal";
import { roundMoney } from "./round-money";

// An amount as the canonical decimal string of its currency ("1240.00", "1240" in JPY).
export function moneyString(value: TDecimalInput, currency: string): string {
  return roundMoney(value, currency).toFixed(currencyMinorUnits(currency));
}
