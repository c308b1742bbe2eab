import { z } from "zod";
import { MAX_UPLOAD_BYTES, tooLargeMessage } from "@/lib/attachments/upload-limits";
import { ZIdSchema } from "@/lib/ids";
import { requiredCalendarDay } from "@/lib/time/calendar";

const day = requiredCalendarDay;

const issuedDay = day("Enter the date it was issued").refine(
  (d) => d.getTime() <= Date.now() + 86_400_000,
  "The issue date cannot be in the future",
);

const certificate = z
  .instanceof(File, { message: "Attach the certificate (PDF or photo)" })
  .refine((f) => f.size > 0, "Attach the certificate (PDF or photo)")
  .refine((f) => f.size <= MAX_UPLOAD_BYTES, tooLargeMessage());

const reference = z
  .string()
  .trim()
  .max(120, "Keep the reference under 120 characters")
  .optional()
  .transform((v) => v || null);

// Checked only once both dates are valid, so a missing date gets one message, not two.
const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());
const datesInOrder = (input: { issuedAt: unknown; expiresAt: unknown }) =>
  !isDate(input.issuedAt) || !isDate(input.expiresAt) || input.expiresAt > input.issuedAt;
const EXPIRY_AFTER_ISSUE = { path: ["expiresAt"], message: "The expiry date must be after the issue date" };

export const ZAddAccreditationSchema = z
  .object({
    companyId: ZIdSchema,
    type: z
      .string()
      .trim()
      .min(2, "Enter what it is, e.g. Gas Safe registration")
      .max(120, "Keep the name under 120 characters"),
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
