const KNOWN = new Set(Intl.supportedValuesOf("currency"));

export function isKnownCurrency(code: string): boolean {
  return KNOWN.has(code);
}

// The digits after the decimal point of a currency's minor unit, from ISO 4217 as the
// runtime's ICU data has it: GBP and EUR 2, JPY and KRW 0, BHD and KWD 3.
export function currencyMinorUnits(currency: string): number {
  if (!isKnownCurrency(currency)) throw new RangeError(`Unknown currency ${currency}`);
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}
