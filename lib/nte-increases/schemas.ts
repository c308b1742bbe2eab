import { rowsFromForm } from "@/lib/forms/rows-from-form";
import { z } from "zod";
import { ZLineDescription, ZTaxPercent, zPositiveDecimal } from "@/lib/billing/line-fields";
import { UNIT_CODE_LIST } from "@/lib/billing/unit-codes";
import { ZIdSchema } from "@/lib/ids";
import { zAmountIn } from "@/lib/money/schemas";

export const MAX_INCREASE_LINES = 20;

const lineSchema = (currency?: string) =>
  z.object({
    description: ZLineDescription,
    quantity: zPositiveDecimal("quantity", 3, 1_000_000),
    unitCode: z.enum(UNIT_CODE_LIST, "Choose a unit"),
    unitPrice: zAmountIn(currency).refine((v) => v !== undefined, "Enter the unit price"),
    taxPercent: ZTaxPercent,
  });

// A row left empty is not a line (lib/forms/rows-from-form.ts).
const linesFromForm = (input: unknown) => rowsFromForm(input, "lines", ["description", "quantity", "unitPrice"]);

export const requestNteIncreaseSchema = (currency?: string) =>
  z.preprocess(
    linesFromForm,
    z.object({
      assignmentId: ZIdSchema,
      reason: z.string().trim().min(1, "Say why the work needs more").max(2000, "2,000 characters at most"),
      lines: z
        .array(lineSchema(currency))
        .min(1, "Add the extra lines the increase pays for")
        .max(MAX_INCREASE_LINES, `${MAX_INCREASE_LINES} lines at most`),
    }),
  );
export const ZRequestNteIncreaseSchema = requestNteIncreaseSchema();
export type TRequestNteIncreaseInput = z.infer<typeof ZRequestNteIncreaseSchema>;

export const ZDecideNteIncreaseSchema = z
  .object({
    requestId: ZIdSchema,
    decision: z.enum(["approve", "reject"], "Choose approve or reject"),
    note: z
      .string()
      .trim()
      .max(2000, "2,000 characters at most")
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => v.decision === "approve" || v.note, { path: ["note"], message: "Say why you reject it" });
export type TDecideNteIncreaseInput = z.infer<typeof ZDecideNteIncreaseSchema>;
