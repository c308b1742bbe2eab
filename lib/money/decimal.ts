import DecimalJs from "decimal.js";

// The one decimal type for money: exact base-10 arithmetic (never a JavaScript number),
// with enough precision that no product or sum of amounts is ever rounded on the way.
export const Decimal = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -20,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

// Anything a decimal can be read from without loss: a decimal string, a Decimal (also
// Prisma's, which is decimal.js), or an integer. A fractional number is refused, because
// it already carries binary rounding.
export type TDecimalInput = string | bigint | Decimal | { toFixed(): string } | number;

export function toDecimal(value: TDecimalInput): Decimal {
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new TypeError(`Money never comes from a fractional number (${value})`);
    return new Decimal(value);
  }
  if (typeof value === "bigint") return new Decimal(value.toString());
  if (typeof value === "string") return new Decimal(value);
  if (value instanceof Decimal) return value;
  return new Decimal(value.toFixed());
}
