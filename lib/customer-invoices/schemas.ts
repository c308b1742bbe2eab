import { z } from "zod";
import { UNIT_CODE_LIST } from "@/lib/billing/unit-codes";
import { ZLineDescription, ZTaxPercent, zPositiveDecimal } from "@/lib/billing/line-fields";
import { ZIdSchema } from "@/lib/ids";
import { zAmountIn } from "@/lib/money/schemas";
import { rowsFromForm } from "@/lib/forms/rows-from-form";

export const MAX_ADDED_LINES = 50;

// A line the manager adds to the customer invoice beyond the counted estimate lines.
const addedLine = (currency?: string) =>
  z.object({
    description: ZLineDescription,
    quantity: zPositiveDecimal("quantity", 3, 1_000_000),
    unitCode: z.enum(UNIT_CODE_LIST, "Choose a unit"),
    unitPrice: zAmountIn(currency).refine((v) => v !== undefined, "Enter the unit price"),
    taxPercent: ZTaxPercent,
  });

export const issueCustomerInvoiceSchema = (currency?: string) =>
  z.preprocess(
    (input) => {
      const rows = rowsFromForm(input, "lines", ["description", "quantity", "unitPrice"]) as Record<string, unknown>;
      return { lines: [], ...rows };
    },
    z.object({
      workOrderId: ZIdSchema,
      lines: z.array(addedLine(currency)).max(MAX_ADDED_LINES, `${MAX_ADDED_LINES} added lines at most`),
      // When correcting: the issued invoice this one replaces (it is cancelled with the reason).
      replacesId: ZIdSchema.optional().or(z.literal("").transform(() => undefined)),
      reason: z
        .string()
        .trim()
        .max(500, "A reason is 500 characters at most")
        .optional()
        .transform((v) => v || undefined),
    }),
  );
export const ZIssueCustomerInvoiceSchema = issueCustomerInvoiceSchema();
export type TIssueCustomerInvoiceInput = z.infer<typeof ZIssueCustomerInvoiceSchema>;
