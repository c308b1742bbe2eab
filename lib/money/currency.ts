const KNOWN = new Set(Intl.supportedValuesOf("currency"));

export function isKnownCurrency(code: string): boolean {
  return KNOWN.has(code);
}

// The digits after the decimal point of a currency's minor unit, from ISO 4217 as the
// runtime's ICU data has it: GBP and EUR 2, JPY and KRW 0, BHD and KWD 3.
// Kept per currency: making a number format costs more than the arithmetic of a line, and
// a comparison prices a thousand lines.
const minorUnits = new Map<string, number>();
export function currencyMinorUnits(currency: string): number {
  const known = minorUnits.get(currency);
  if (known !== undefined) return known;
  if (!isKnownCurrency(currency)) throw new RangeError(`Unknown currency ${currency}`);
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  minorUnits.set(currency, digits);
  return digits;
}
