import { z } from "zod";
import { ZLineDescription, ZTaxPercent, zPositiveDecimal } from "@/lib/billing/line-fields";
import { UNIT_CODE_LIST } from "@/lib/billing/unit-codes";
import { ZIdSchema } from "@/lib/ids";
import { Decimal } from "@/lib/money/decimal";
import { zAmountIn } from "@/lib/money/schemas";
import { ZFile } from "@/lib/attachments/schemas";
import { parseCalendarDay } from "@/lib/time/wall-clock";

// An invoice holds 500 lines at most: more is a mistake, or an attack on the checks.
export const MAX_INVOICE_LINES = 500;

// What a line bills, as the office chooses it for a line it adds.
export const LINE_TYPES = {
  "LABOUR:NORMAL": "Labour, normal",
  "LABOUR:OVERTIME": "Labour, overtime",
  "LABOUR:CALLOUT": "Labour, call-out",
  "LABOUR:TRAVEL": "Travel time",
  CALLOUT: "Call-out fee",
  COST: "Materials or parts",
  OTHER: "Other",
} as const;
export type TLineType = keyof typeof LINE_TYPES;
const LINE_TYPE_LIST = Object.keys(LINE_TYPES) as [TLineType, ...TLineType[]];

const ZOptionalId = z
  .union([z.literal(""), ZIdSchema])
  .optional()
  .transform((v) => v || null);

const ZRevision = z.coerce.number({ error: "Reload the invoice" }).int().min(1);

export const ZCreateInvoiceSchema = z.object({
  assignmentId: ZIdSchema,
  // Empty: the company's next number.
  number: z
    .string()
    .trim()
    .max(40, "40 characters at most")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ./_-]*$|^$/, "Use letters, digits, spaces and . / _ - only")
    .transform((v) => v || undefined),
});
export type TCreateInvoiceInput = z.infer<typeof ZCreateInvoiceSchema>;

// A line the office adds (no lineId) or changes. Prices in the client's currency.
export const saveInvoiceLineSchema = (currency?: string) =>
  z.object({
    invoiceId: ZIdSchema,
    lineId: ZOptionalId,
    lineType: z.enum(LINE_TYPE_LIST, "Choose what the line bills").optional(),
    description: ZLineDescription,
    quantity: zPositiveDecimal("quantity", 3, 1_000_000),
    unitCode: z.enum(UNIT_CODE_LIST, "Choose a unit"),
    unitPrice: zAmountIn(currency).refine((v) => v !== undefined, "Enter the unit price"),
    taxPercent: ZTaxPercent,
    estimateLineId: ZOptionalId,
  });
export const ZSaveInvoiceLineSchema = saveInvoiceLineSchema();
export type TSaveInvoiceLineInput = z.infer<typeof ZSaveInvoiceLineSchema>;

export const ZRemoveInvoiceLineSchema = z.object({ invoiceId: ZIdSchema, lineId: ZIdSchema });
export type TRemoveInvoiceLineInput = z.infer<typeof ZRemoveInvoiceLineSchema>;

export const ZInvoiceDocumentSchema = z.object({ invoiceId: ZIdSchema, file: ZFile });
export type TInvoiceDocumentInput = z.infer<typeof ZInvoiceDocumentSchema>;

export const ZSubmitInvoiceSchema = z.object({ invoiceId: ZIdSchema });
export type TSubmitInvoiceInput = z.infer<typeof ZSubmitInvoiceSchema>;

// Staff decide on the revision they read: a revision submitted since is not decided unseen.
export const ZApproveInvoiceSchema = z.object({ invoiceId: ZIdSchema, revision: ZRevision });
export type TApproveInvoiceInput = z.infer<typeof ZApproveInvoiceSchema>;

export const ZRejectInvoiceSchema = z.object({
  invoiceId: ZIdSchema,
  revision: ZRevision,
  reason: z.string().trim().min(1, "Say why the invoice is rejected").max(2000, "2,000 characters at most"),
});
export type TRejectInvoiceInput = z.infer<typeof ZRejectInvoiceSchema>;

// A reason per disputed line, posted as "reason.<lineId>"; lines left empty are not disputed.
export const ZDisputeInvoiceSchema = z
  .object({ invoiceId: ZIdSchema, revision: ZRevision })
  .catchall(z.unknown())
  .transform((input, context) => {
    const reasons: { lineId: string; reason: string }[] = [];
    for (const [key, value] of Object.entries(input)) {
      if (!key.startsWith("reason.") || typeof value !== "string") continue;
      const reason = value.trim();
      if (!reason) continue;
      const lineId = key.slice("reason.".length);
      if (!ZIdSchema.safeParse(lineId).success || reason.length > 1000) {
        context.addIssue({ code: "custom", path: [key], message: "1,000 characters at most" });
        continue;
      }
      reasons.push({ lineId, reason });
    }
    if (reasons.length === 0)
      context.addIssue({ code: "custom", path: ["_form"], message: "Give a reason for at least one line" });
    return { invoiceId: input.invoiceId, revision: input.revision, reasons };
  });
export type TDisputeInvoiceInput = z.infer<typeof ZDisputeInvoiceSchema>;

export const ZMarkInvoicePaidSchema = z.object({
  invoiceId: ZIdSchema,
  paidOn: z
    .string()
    .trim()
    .refine((v) => parseCalendarDay(v) !== null, "Enter the day it was paid"),
  reference: z
    .string()
    .trim()
    .max(100, "100 characters at most")
    .transform((v) => v || undefined),
});
export type TMarkInvoicePaidInput = z.infer<typeof ZMarkInvoicePaidSchema>;

const tolerance = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: `Enter the ${label} tolerance as a per cent such as 5`, abort: true })
    .refine((v) => new Decimal(v).lessThanOrEqualTo(100), "100 % at most");

export const ZInvoiceSettingsSchema = z.object({
  pricePercent: tolerance("price"),
  quantityPercent: tolerance("quantity"),
  onSiteMinutes: z.coerce
    .number({ error: "Enter minutes, such as 15" })
    .int("Enter whole minutes")
    .min(0, "0 minutes or more")
    .max(480, "8 hours at most"),
  autoApprove: z
    .union([z.literal("on"), z.literal("")])
    .optional()
    .transform((v) => v === "on"),
});
export type TInvoiceSettingsInput = z.infer<typeof ZInvoiceSettingsSchema>;

// The list's status from the address; anything else lists every status.
export const ZInvoiceListStatus = z
  .enum(["DRAFT", "SUBMITTED", "DISPUTED", "APPROVED", "PAID", "REJECTED"])
  .optional()
  .catch(undefined);
