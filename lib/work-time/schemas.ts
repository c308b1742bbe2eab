import { z } from "zod";
import { ZFile } from "@/lib/attachments/schemas";
import { UNIT_CODE_LIST } from "@/lib/billing/unit-codes";
import { ZIdSchema } from "@/lib/ids";
import { Decimal } from "@/lib/money/decimal";
import { zAmountIn } from "@/lib/money/schemas";
import { requiredLocalDateTime, ZOccurrenceSchema } from "@/lib/time/calendar";
import { COST_CATEGORIES, LABOUR_TYPES } from "./labour-types";
import { MAX_ENTRY_MINUTES, parseDuration } from "./parse-duration";

const duration = z.string({ error: "Enter how long, such as 1:30 or 1.5" }).transform((text, context) => {
  const minutes = parseDuration(text);
  if (minutes === null) {
    context.addIssue({ code: "custom", message: "Enter how long, such as 1:30 or 1.5 (hours)" });
    return z.NEVER;
  }
  if (minutes === 0) {
    context.addIssue({ code: "custom", message: "Enter a duration of at least a minute" });
    return z.NEVER;
  }
  if (minutes > MAX_ENTRY_MINUTES) {
    context.addIssue({ code: "custom", message: "One entry is 24 hours at most: enter each day apart" });
    return z.NEVER;
  }
  return minutes;
});

export const ZRecordTimeSchema = z.object({
  assignmentId: ZIdSchema,
  personId: z.string({ error: "Choose who did the work" }).min(1, "Choose who did the work").pipe(ZIdSchema),
  // A wall clock in the site's zone.
  startedAt: requiredLocalDateTime("Enter when the work started"),
  occurrence: ZOccurrenceSchema,
  minutes: duration,
  labourType: z.enum(LABOUR_TYPES, "Choose the kind of time"),
  // The approved estimate line the time was spent on, when the person names one.
  estimateLineId: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(ZIdSchema.optional()),
  note: z
    .string()
    .trim()
    .max(1000, "Use at most 1,000 characters")
    .transform((v) => v || undefined)
    .optional(),
});
export type TRecordTimeInput = z.infer<typeof ZRecordTimeSchema>;

const quantity = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,3})?$/, { message: "Enter the quantity as a number such as 2 or 1.5", abort: true })
  .refine((v) => new Decimal(v).greaterThan(0), "The quantity must be more than 0");

// Costs are in the client organisation's currency (the action passes it).
export const recordCostSchema = (currency?: string) =>
  z.object({
    assignmentId: ZIdSchema,
    category: z.enum(COST_CATEGORIES, "Choose the kind of cost"),
    description: z.string().trim().min(1, "Describe the cost").max(500, "Use at most 500 characters"),
    quantity,
    unitCode: z.enum(UNIT_CODE_LIST, "Choose a unit"),
    unitCost: zAmountIn(currency).refine((v) => v !== undefined, "Enter the cost per unit"),
    // A receipt is optional; an empty file input sends an empty file.
    receipt: z
      .union([z.instanceof(File).refine((f) => f.size === 0), ZFile])
      .optional()
      .transform((f) => (f && f.size > 0 ? f : undefined)),
  });
export const ZRecordCostSchema = recordCostSchema();
export type TRecordCostInput = z.infer<typeof ZRecordCostSchema>;
