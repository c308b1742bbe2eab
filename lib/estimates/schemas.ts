import { z } from "zod";
import { UNIT_CODE_LIST } from "@/lib/billing/unit-codes";
import { ZIdSchema } from "@/lib/ids";
import { Decimal } from "@/lib/money/decimal";
import { zAmountIn } from "@/lib/money/schemas";

// A positive decimal of at most `decimals` places and `max` at most, as a decimal string.
const positiveDecimal = (label: string, decimals: number, max: number) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{1,9}(\\.\\d{1,${decimals}})?$`), {
      message: `Enter the ${label} as a number such as 1.5`,
      abort: true,
    })
    .refine((v) => new Decimal(v).greaterThan(0), `The ${label} must be more than 0`)
    .refine((v) => new Decimal(v).lessThanOrEqualTo(max), `The ${label} can be ${max.toLocaleString("en-GB")} at most`);

const percent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: "Enter a rate such as 20 or 5.5", abort: true })
  .refine((v) => new Decimal(v).lessThanOrEqualTo(100), "A rate is 100 % at most");

// Prices in the organisation's currency when it is known (the action passes it).
export const addEstimateLineSchema = (currency?: string) =>
  z.object({
    workOrderId: ZIdSchema,
    description: z.string().trim().min(1, "Describe the line").max(500, "500 characters at most"),
    quantity: positiveDecimal("quantity", 3, 1_000_000),
    unitCode: z.enum(UNIT_CODE_LIST, "Choose a unit"),
    unitPrice: zAmountIn(currency).refine((v) => v !== undefined, "Enter the unit price"),
    // Empty: the organisation's default rate.
    taxPercent: z.union([z.literal(""), percent]).transform((v) => v || undefined),
  });
export const ZAddEstimateLineSchema = addEstimateLineSchema();
export type TAddEstimateLineInput = z.infer<typeof ZAddEstimateLineSchema>;

export const ZRemoveEstimateLineSchema = z.object({ lineId: ZIdSchema });
export type TRemoveEstimateLineInput = z.infer<typeof ZRemoveEstimateLineSchema>;

// The draft lines the person saw and approves: a line added in another tab since is not
// approved unseen, and a second click finds its lines approved already.
export const ZApproveEstimateSchema = z.object({
  workOrderId: ZIdSchema,
  lineIds: z
    .union([ZIdSchema, z.array(ZIdSchema)], { error: "There is no draft line to approve" })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(ZIdSchema).min(1, "There is no draft line to approve").max(500)),
});
export type TApproveEstimateInput = z.infer<typeof ZApproveEstimateSchema>;
