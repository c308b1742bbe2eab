import { currencyMinorUnits } from "./currency";
import { Decimal, toDecimal, type TDecimalInput } from "./decimal";

// The one rounding rule for money: to the currency's minor unit, half away from zero
// (2.345 → 2.35, -2.345 → -2.35). Every amount that is stored, shown, printed or exported
// has been through here once; sums of rounded amounts need no further rounding.
export function roundMoney(value: TDecimalInput, currency: string): Decimal {
  return toDecimal(value).toDecimalPlaces(currencyMinorUnits(currency), Decimal.ROUND_HALF_UP);
}
