import { z } from "zod";
import { UNIT_CODE_LIST } from "@/lib/billing/unit-codes";
import { ZLineDescription, zPositiveDecimal } from "@/lib/billing/line-fields";
import { rowsFromForm } from "@/lib/forms/rows-from-form";
import { ZFile } from "@/lib/attachments/schemas";
import { zEmail } from "@/lib/email-address";
import { ZIdSchema } from "@/lib/ids";
import { zAmountIn } from "@/lib/money/schemas";
import { requiredLocalDateTime, ZOptionalCalendarDaySchema, ZOptionalLocalDateTimeSchema } from "@/lib/time/calendar";

export const MAX_QUOTE_LINES = 200;
const LONG_TEXT = 10_000;

const longText = (label: string) =>
  z
    .string()
    .trim()
    .max(LONG_TEXT, `${label}: ${LONG_TEXT.toLocaleString("en-GB")} characters at most`);

const idList = (message: string) =>
  z
    .union([ZIdSchema, z.array(ZIdSchema)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]))
    .refine((v) => v.length <= 50, message);

export const ZSupplierSchema = z.object({
  name: z.string().trim().min(1, "Enter the supplier's name").max(120, "120 characters at most"),
  company: z.string().trim().max(120, "120 characters at most").default(""),
  email: zEmail("Enter the supplier's email address"),
});
export type TSupplierInput = z.infer<typeof ZSupplierSchema>;

// A request as staff write it: the deadline and the site-visit window on the site's clock.
export const quoteRequestSchema = (currency?: string) =>
  z.object({
    workOrderId: ZIdSchema,
    scope: longText("Scope").min(1, "Describe the work to be quoted"),
    requirements: longText("Requirements").default(""),
    deadline: requiredLocalDateTime("Enter the answer-by date and time"),
    siteVisitFrom: ZOptionalLocalDateTimeSchema,
    siteVisitTo: ZOptionalLocalDateTimeSchema,
    budget: zAmountIn(currency).optional(),
    sealed: z
      .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
    contractorCompanyIds: idList("Invite at most 50 companies at once"),
    suppliers: z.array(ZSupplierSchema).max(50, "Invite at most 50 suppliers at once").default([]),
    // Managers only: invite companies the compliance gate stops, with this reason.
    overrideReason: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .transform((v) => v || null),
  });
export const ZQuoteRequestSchema = quoteRequestSchema();

// The request as its form posts it: suppliers as rows ("suppliers.0.email").
const suppliersFromForm = (input: unknown) => rowsFromForm(input, "suppliers", ["name", "company", "email"]);
export const quoteRequestFormSchema = (currency?: string) =>
  z.preprocess(suppliersFromForm, quoteRequestSchema(currency));

// More invitees for a request already sent.
export const ZAddInviteesSchema = z.preprocess(
  suppliersFromForm,
  ZQuoteRequestSchema.pick({ contractorCompanyIds: true, suppliers: true, overrideReason: true }).extend({
    quoteRequestId: ZIdSchema,
  }),
);
export type TQuoteRequestInput = z.infer<typeof ZQuoteRequestSchema>;

// One line of an answer; the tax rate is required (a bidder's own).
export const quoteLineSchema = (currency?: string) =>
  z.object({
    description: ZLineDescription,
    quantity: zPositiveDecimal("quantity", 3, 1_000_000),
    unitCode: z.enum(UNIT_CODE_LIST, "Choose a unit"),
    unitPrice: zAmountIn(currency).refine((v) => v !== undefined, "Enter the unit price"),
    taxPercent: z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: "Enter a rate such as 20 or 0", abort: true })
      .refine((v) => Number(v) <= 100, "A rate is 100 % at most"),
  });

export const quoteAnswerSchema = (currency?: string) =>
  z.object({
    invitationId: ZIdSchema,
    lines: z.array(quoteLineSchema(currency)).max(MAX_QUOTE_LINES, `At most ${MAX_QUOTE_LINES} lines`).default([]),
    proposedDate: ZOptionalCalendarDaySchema,
    validUntil: ZOptionalCalendarDaySchema,
    comments: longText("Comments").default(""),
  });
export const ZQuoteAnswerSchema = quoteAnswerSchema();

// An answer as its form posts it: lines as rows ("lines.0.unitPrice").
export const quoteAnswerFormSchema = (currency?: string) =>
  z.preprocess(
    (input) => rowsFromForm(input, "lines", ["description", "quantity", "unitPrice"]),
    quoteAnswerSchema(currency),
  );

export const ZQuoteRequestIdSchema = z.object({ quoteRequestId: ZIdSchema });
export const ZReasonedQuoteRequestSchema = ZQuoteRequestIdSchema.extend({
  reason: z.string().trim().min(3, "Give the reason").max(2000, "2,000 characters at most"),
});
export const ZExtendDeadlineSchema = ZQuoteRequestIdSchema.extend({
  deadline: requiredLocalDateTime("Enter the new deadline"),
});
export const ZInvitationIdSchema = z.object({ invitationId: ZIdSchema });
export const ZAwardQuoteSchema = ZInvitationIdSchema.extend({
  notify: z.enum(["all", "winner", "nobody"], "Choose whom to tell"),
});
export type TQuoteAnswerInput = z.infer<typeof ZQuoteAnswerSchema>;

export const ZDeclineQuoteSchema = z.object({
  invitationId: ZIdSchema,
  reason: z.string().trim().min(3, "Tell the client why you are not quoting").max(2000, "2,000 characters at most"),
});

export const ZAskQuestionSchema = z.object({
  invitationId: ZIdSchema,
  question: z.string().trim().min(3, "Write your question").max(2000, "2,000 characters at most"),
});
export const ZAnswerQuestionSchema = z.object({
  questionId: ZIdSchema,
  answer: z
    .string()
    .trim()
    .min(1, "Write the answer")
    .max(LONG_TEXT, `${LONG_TEXT.toLocaleString("en-GB")} characters at most`),
  toAll: z
    .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});

export const ZReviseQuoteRequestSchema = z.object({
  quoteRequestId: ZIdSchema,
  scope: longText("Scope").min(1, "Describe the work to be quoted"),
  requirements: longText("Requirements").default(""),
});

// A bidder's quote document, optional with any answer; an empty file input sends nothing.
export const ZQuoteDocumentSchema = z.object({
  file: z.preprocess((v) => (v instanceof File && v.size === 0 ? undefined : v), ZFile.optional()),
});
export const ZAttachForBiddersSchema = z.object({ quoteRequestId: ZIdSchema, file: ZFile });
