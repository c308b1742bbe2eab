import { z } from "zod";
import { checkboxField } from "@/lib/forms/checkbox";
import { ZIdSchema } from "@/lib/ids";
import { ZEmailSchema } from "@/lib/email-address";
import { isSafeSignatureSvg, MAX_SIGNATURE_SVG } from "./signature-svg";

export const ZSignatureSvgSchema = z
  .string()
  .max(MAX_SIGNATURE_SVG, "The signature is too large")
  .refine(isSafeSignatureSvg, "Draw your signature again");

const ZMobileSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^(\+?[0-9 ()-]{6,30})?$/, "Enter a phone number like +44 7700 900123")
  .transform((v) => v || null);

// A person's own word on texts: reminders of their visits go to this number only with it.
const ZTextsFields = {
  mobile: ZMobileSchema,
  smsConsent: checkboxField(),
};
const needsNumber = (v: { mobile: string | null; smsConsent: boolean }) => !v.smsConsent || v.mobile !== null;
const NEEDS_NUMBER = { path: ["mobile"], message: "Enter your mobile number to get texts" };

export const ZTextRemindersSchema = z.object(ZTextsFields).refine(needsNumber, NEEDS_NUMBER);

export const ZPreferencesSchema = z
  .object({ ...ZTextsFields, signatureSvg: ZSignatureSvgSchema.transform((v) => v || null) })
  .refine(needsNumber, NEEDS_NUMBER);

export const ZAddPersonSchema = z.object({
  companyId: ZIdSchema,
  name: z.string().trim().min(2, "Enter the person's name").max(200),
  email: ZEmailSchema,
  role: z.enum(["ADMIN", "OFFICE", "TECHNICIAN"], { error: "Choose a role" }),
});

export const ZUpdatePersonSchema = z.object({
  personId: ZIdSchema,
  role: z.enum(["ADMIN", "OFFICE", "TECHNICIAN"]),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const ZResetPasswordSchema = z.object({ personId: ZIdSchema });

// A password a person chooses for themselves: long enough to resist guessing.
export const ZNewPasswordSchema = z
  .string()
  .min(12, "Use at least 12 characters")
  .max(200, "Use at most 200 characters")
  .refine((v) => v.trim().length === v.length, "Do not start or end with a space");

export const ZSetOwnPasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .max(200)
      .optional()
      .transform((v) => v || undefined),
    newPassword: ZNewPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "The two passwords differ",
    path: ["confirmPassword"],
  });
