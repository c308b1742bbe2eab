import { z } from "zod";
import { ZIdSchema } from "@/lib/ids";
import { Decimal } from "@/lib/money/decimal";
import { zAmountIn } from "@/lib/money/schemas";
import { requiredCalendarDay, ZOptionalCalendarDaySchema } from "@/lib/time/calendar";

const rate = (currency: string | undefined, missing: string) =>
  zAmountIn(currency).refine((v) => v !== undefined, missing);

// A rate card as either side proposes it (or counters one), in the organisation's currency.
export const proposeRateCardSchema = (currency?: string) =>
  z
    .object({
      // The other party: the contractor company (staff propose) or the client organisation (the Desk).
      partyId: ZIdSchema,
      categoryId: z
        .union([ZIdSchema, z.literal("")])
        .transform((v) => v || undefined)
        .optional(),
      answersId: z
        .union([ZIdSchema, z.literal("")])
        .transform((v) => v || undefined)
        .optional(),
      normalRate: rate(currency, "Enter the normal hourly rate"),
      overtimeRate: rate(currency, "Enter the overtime hourly rate"),
      calloutRate: rate(currency, "Enter the call-out hourly rate"),
      travelRate: rate(currency, "Enter the travel hourly rate"),
      calloutFee: zAmountIn(currency).transform((v) => v ?? "0"),
      materialMarkupPercent: z
        .string()
        .trim()
        .regex(/^(\d{1,3}(\.\d{1,2})?)?$/, { message: "Enter a markup such as 15 or 12.5", abort: true })
        .refine((v) => v === "" || new Decimal(v).lessThanOrEqualTo(500), "A markup is 500 % at most")
        .transform((v) => v || "0"),
      validFrom: requiredCalendarDay("Enter the first day the rates apply"),
      validTo: ZOptionalCalendarDaySchema,
      note: z
        .string()
        .trim()
        .max(2000, "Use at most 2,000 characters")
        .transform((v) => v || undefined)
        .optional(),
    })
    .refine((card) => !card.validTo || card.validTo.getTime() >= card.validFrom.getTime(), {
      message: "The last day cannot be before the first",
      path: ["validTo"],
    });
export const ZProposeRateCardSchema = proposeRateCardSchema();
export type TProposeRateCardInput = z.infer<typeof ZProposeRateCardSchema>;

export const ZAnswerRateCardSchema = z.object({
  rateCardId: ZIdSchema,
  decision: z.enum(["accept", "reject"], "Choose to accept or reject"),
});
export type TAnswerRateCardInput = z.infer<typeof ZAnswerRateCardSchema>;
