import { currencyMinorUnits } from "./currency";
import { Decimal } from "./decimal";

const PLAIN = /^-?\d{1,12}(\.\d+)?$/;
// Commas only as thousands separators: "1,240.50", never "12,50" (a decimal comma that
// would otherwise read as 1250).
const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
export const NOT_AN_AMOUNT = "Enter an amount such as 1240.50";

// What a person types as an amount: "1240", "1,240.50", "£1240.5", as a plain decimal
// string ("1240.5"), or null when it is not an amount.
export function readAmountText(input: string): string | null {
  const cleaned = input
    .trim()
    .replace(/\s/g, "")
    .replace(/^[^\d-]+/, "");
  if (!PLAIN.test(cleaned) && !GROUPED.test(cleaned)) return null;
  return cleaned.replace(/,/g, "");
}

// An amount typed in `currency`, as its canonical string; more decimals than the currency
// has is an error, not a silent rounding.
export function parseMoneyInput(
  input: string,
  currency: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const digits = readAmountText(input);
  if (digits === null) return { ok: false, error: NOT_AN_AMOUNT };
  const minor = currencyMinorUnits(currency);
  const decimals = digits.split(".")[1]?.length ?? 0;
  if (decimals > minor)
    return {
      ok: false,
      error: minor === 0 ? `${currency} has no decimals` : `${currency} has ${minor} decimals at most`,
    };
  return { ok: true, value: new Decimal(digits).toFixed(minor) };
}
