import { z } from "zod";
import { Decimal } from "@/lib/money/decimal";

// The fields every priced line shares (estimate, invoice, not-to-exceed request), one
// schema each so the client and the server refuse the same input with the same words.

// A positive decimal of at most `decimals` places and `max` at most, as a decimal string.
export const zPositiveDecimal = (label: string, decimals: number, max: number) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{1,9}(\\.\\d{1,${decimals}})?$`), {
      message: `Enter the ${label} as a number such as 1.5`,
      abort: true,
    })
    .refine((v) => new Decimal(v).greaterThan(0), `The ${label} must be more than 0`)
    .refine((v) => new Decimal(v).lessThanOrEqualTo(max), `The ${label} can be ${max.toLocaleString("en-GB")} at most`);

// A tax rate in per cent; empty is the organisation's default rate.
export const ZTaxPercent = z
  .union([
    z.literal(""),
    z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: "Enter a rate such as 20 or 5.5", abort: true })
      .refine((v) => new Decimal(v).lessThanOrEqualTo(100), "A rate is 100 % at most"),
  ])
  .transform((v) => v || undefined);

export const ZLineDescription = z.string().trim().min(1, "Describe the line").max(500, "500 characters at most");
