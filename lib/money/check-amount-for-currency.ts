import { invalidInput } from "@/lib/errors";
import { parseMoneyInput } from "./parse-money-input";

// An amount from a form (ZAmountText), held to the currency it is in: its canonical
// string, or a field error ("JPY has no decimals") that changes nothing.
export function checkAmountForCurrency(field: string, amount: string | undefined, currency: string) {
  if (amount === undefined) return undefined;
  const parsed = parseMoneyInput(amount, currency);
  if (!parsed.ok) throw invalidInput("Please correct the highlighted fields.", { [field]: [parsed.error] });
  return parsed.value;
}
