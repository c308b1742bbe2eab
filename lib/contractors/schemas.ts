import { ZEmailSchema } from "@/lib/email-address";
import { z } from "zod";
import { optionalText } from "@/lib/forms/optional-text";
import { ZIdSchema } from "@/lib/ids";

export const ZInviteContractorSchema = z.object({
  companyName: z.string().trim().min(2, "Enter the company's name").max(200),
  adminName: z.string().trim().min(2, "Enter the name of the person who will manage it").max(200),
  adminEmail: ZEmailSchema,
});

// What a contractor company tells its clients about itself (SPEC §3, company profile).
export const ZCompanyProfileSchema = z.object({
  companyId: ZIdSchema,
  name: z.string().trim().min(2, "Enter the company's name").max(200, "Keep the name under 200 characters"),
  email: ZEmailSchema,
  phone: optionalText(30, "Enter a phone number like +44 20 7946 0000").refine(
    (v) => v === null || /^\+?[0-9 ()-]{6,30}$/.test(v),
    "Enter a phone number like +44 20 7946 0000",
  ),
  address: optionalText(500, "Keep the address under 500 characters"),
  // A checkbox: sent as "on" when ticked, absent when not.
  techniciansSeeMessages: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});
