import { quantityInWords } from "@/lib/billing/unit-codes";

// A line's quantity as it reads on the invoice: labour from recorded time as the hours and
// minutes it was ("0:50 h", what the line is priced from), anything else with its unit's
// word ("3 hours", "2 each").
export function lineQuantity(line: { quantity: { toString(): string }; unitCode: string; minutes?: number | null }) {
  if (line.minutes === undefined || line.minutes === null) return quantityInWords(line.quantity, line.unitCode);
  return `${Math.floor(line.minutes / 60)}:${String(line.minutes % 60).padStart(2, "0")} h`;
}
