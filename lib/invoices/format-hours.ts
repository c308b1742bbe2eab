import { Decimal, toDecimal, type TDecimalInput } from "@/lib/money/decimal";

// Hours as a difference reads them: "4.5 h", "3.0 h", "0.83 h" (at least one decimal, at
// most two).
export function formatHours(hours: TDecimalInput): string {
  const rounded = toDecimal(hours).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return `${rounded.decimalPlaces() === 0 ? rounded.toFixed(1) : rounded.toString()} h`;
}
