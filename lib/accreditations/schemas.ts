import { z } from "zod";
import { ZIdSchema } from "@/lib/ids";

// A calendar day from a date input, kept as midnight UTC (the way dates are shown).
const day = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date like 2027-06-30")
    .transform((v) => new Date(`${v}T00:00:00Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "Enter a valid date");

const issuedDay = day("Enter the date it was issued").refine((d) => d.getTime() <= Date.now() + 86_400_000, "The issue date cannot be in the future");

const certificate = z.instanceof(File, { message: "Attach the certificate (PDF or photo)" }).refine((f) => f.size > 0, "Attach the certificate (PDF or photo)");

const reference = z
  .string()
  .trim()
  .max(120, "Keep the reference under 120 characters")
  .optional()
  .transform((v) => v || null);

// Checked only once both dates are valid, so a missing date gets one message, not two.
const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());
const datesInOrder = (input: { issuedAt: unknown; expiresAt: unknown }) => !isDate(input.issuedAt) || !isDate(input.expiresAt) || input.expiresAt > input.issuedAt;
const EXPIRY_AFTER_ISSUE = { path: ["expiresAt"], message: "The expiry date must be after the issue date" };

export const ZAddAccreditationSchema = z
  .object({
    companyId: ZIdSchema,
    type: z.string().trim().min(2, "Enter what it is, e.g. Gas Safe registration").max(120, "Keep the name under 120 characters"),
    reference,
    holderId: z
      .union([z.literal(""), ZIdSchema], { error: "Choose one of the company's people" })
      .optional()
      .transform((v) => v || null),
    issuedAt: issuedDay,
    expiresAt: day("Enter the expiry date"),
    file: certificate,
  })
  .refine(datesInOrder, EXPIRY_AFTER_ISSUE);

// A renewal brings a new certificate and a new expiry; a blank reference keeps the old one.
export const ZRenewAccreditationSchema = z
  .object({
    accreditationId: ZIdSchema,
    reference,
    issuedAt: issuedDay,
    expiresAt: day("Enter the new expiry date"),
    file: certificate,
  })
  .refine(datesInOrder, EXPIRY_AFTER_ISSUE);

export const ZRemoveAccreditationSchema = z.object({ accreditationId: ZIdSchema });

export type TAddAccreditationInput = z.infer<typeof ZAddAccreditationSchema>;
export type TRenewAccreditationInput = z.infer<typeof ZRenewAccreditationSchema>;
