// The units a line is priced in, as UN/ECE Recommendation 20 codes (what an EN 16931
// invoice line carries), with the words people read.
export const UNIT_CODES = {
  HUR: { one: "hour", many: "hours", short: "h" },
  C62: { one: "each", many: "each", short: "ea" },
  MTR: { one: "metre", many: "metres", short: "m" },
  MTK: { one: "square metre", many: "square metres", short: "m²" },
  KGM: { one: "kilogram", many: "kilograms", short: "kg" },
  LTR: { one: "litre", many: "litres", short: "l" },
  DAY: { one: "day", many: "days", short: "d" },
  KMT: { one: "kilometre", many: "kilometres", short: "km" },
  LS: { one: "lump sum", many: "lump sum", short: "lump sum" },
} as const;

export type TUnitCode = keyof typeof UNIT_CODES;
export const UNIT_CODE_LIST = Object.keys(UNIT_CODES) as [TUnitCode, ...TUnitCode[]];

// "2.5 h", "3 ea": a quantity with its unit's short name.
export function quantityWithUnit(quantity: { toString(): string }, unitCode: string): string {
  return `${quantity.toString()} ${UNIT_CODES[unitCode as TUnitCode]?.short ?? unitCode}`;
}

// "3 hours", "1 hour", "2 each": a quantity with its unit's word, as a line reads.
export function quantityInWords(quantity: { toString(): string }, unitCode: string): string {
  const unit = UNIT_CODES[unitCode as TUnitCode];
  const text = quantity.toString();
  return `${text} ${unit ? (text === "1" ? unit.one : unit.many) : unitCode}`;
}
