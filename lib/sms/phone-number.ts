import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

// A phone number as texts are addressed: E.164 ("+447700900123"), read from what a person
// typed in their country's way ("07700 900123") or in full. Null when it is not a number
// that could exist: the right length for its country. (Ranges kept for drama and tests,
// such as 07700 900xxx, are possible numbers, and the demo's people have them.)
export function toE164(typed: string, country: CountryCode = "GB"): string | null {
  const parsed = parsePhoneNumberFromString(typed.trim(), country);
  if (!parsed?.isPossible()) return null;
  return parsed.number;
}
