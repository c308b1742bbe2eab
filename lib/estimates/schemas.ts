import { z } from "zod";
import { UNIT_CODE_LIST } from "@/lib/billing/unit-codes";
import { ZIdSchema } from "@/lib/ids";
import { ZLineDescription, ZTaxPercent, zPositiveDecimal } from "@/lib/billing/line-fields";
import { zAmountIn } from "@/lib/money/schemas";

// Prices in the organisation's currency when it is known (the action passes it).
export const addEstimateLineSchema = (currency?: string) =>
  z.object({
    workOrderId: ZIdSchema,
    description: ZLineDescription,
    quantity: zPositiveDecimal("quantity", 3, 1_000_000),
    unitCode: z.enum(UNIT_CODE_LIST, "Choose a unit"),
    unitPrice: zAmountIn(currency).refine((v) => v !== undefined, "Enter the unit price"),
    taxPercent: ZTaxPercent,
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

// A line changed: a draft in place; an approved line becomes a new version to approve.
export const reviseEstimateLineSchema = (currency?: string) =>
  addEstimateLineSchema(currency).omit({ workOrderId: true }).extend({ lineId: ZIdSchema });
export const ZReviseEstimateLineSchema = reviseEstimateLineSchema();
export type TReviseEstimateLineInput = z.infer<typeof ZReviseEstimateLineSchema>;

export const MAX_COMMENT_LENGTH = 2000;

export const ZPostLineCommentSchema = z.object({
  lineId: ZIdSchema,
  body: z
    .string()
    .trim()
    .min(1, "Write your comment")
    .max(MAX_COMMENT_LENGTH, `A comment is ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters at most`),
});
export type TPostLineCommentInput = z.infer<typeof ZPostLineCommentSchema>;

export const ZDeleteLineCommentSchema = z.object({ commentId: ZIdSchema });
export type TDeleteLineCommentInput = z.infer<typeof ZDeleteLineCommentSchema>;

// A line the contractor proposes from the Desk: what, the hours and parts it takes, and its
// price (the line's total before tax); optionally a change to one of the current lines.
export const proposeEstimateLineSchema = (currency?: string) =>
  z.object({
    assignmentId: ZIdSchema,
    description: ZLineDescription,
    hours: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(zPositiveDecimal("hours", 3, 10_000).optional()),
    parts: z.string().trim().max(500, "Parts are 500 characters at most").optional().default(""),
    price: zAmountIn(currency).refine((v) => v !== undefined, "Enter the price"),
    lineId: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .pipe(ZIdSchema.optional()),
  });
export const ZProposeEstimateLineSchema = proposeEstimateLineSchema();
export type TProposeEstimateLineInput = z.infer<typeof ZProposeEstimateLineSchema>;

export const ZDecideProposalSchema = z
  .object({
    proposalId: ZIdSchema,
    decision: z.enum(["ACCEPTED", "REFUSED"], "Accept or refuse the proposal"),
    reason: z
      .string()
      .trim()
      .max(500, "A reason is 500 characters at most")
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((v) => v.decision === "ACCEPTED" || v.reason, { path: ["reason"], message: "Say why it is refused" });
export type TDecideProposalInput = z.infer<typeof ZDecideProposalSchema>;
