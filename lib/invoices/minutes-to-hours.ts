import { Decimal } from "@/lib/money/decimal";

// Minutes of recorded time as an invoice quantity in hours, to the three decimals a line
// holds (50 min → 0.833), for reading: the line is priced from the minutes themselves.
export function minutesToHours(minutes: number): string {
  return new Decimal(minutes).dividedBy(60).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toString();
}
