import "server-only";
import { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { Decimal } from "@/lib/money/decimal";

// How the organisation deals with its customers: whether a line counts only once the
// customer approved it too, the markup on contractor work in customer prices, the terms
// customers read before signing, and how long a customer has to pay.
export const ZCustomerPortalSettingsSchema = z.object({
  requireCustomerApproval: z
    .union([z.literal("on"), z.literal("")])
    .optional()
    .transform((v) => v === "on"),
  markupPercent: z
    .string()
    .trim()
    .regex(/^\d{1,3}(\.\d{1,2})?$/, { message: "Enter the markup as a per cent such as 10", abort: true })
    .refine((v) => new Decimal(v).lessThanOrEqualTo(500), "500 % at most"),
  estimateTerms: z.string().trim().max(10_000, "The terms are 10,000 characters at most"),
  dueDays: z.coerce
    .number({ error: "Enter days, such as 30" })
    .int("Enter whole days")
    .min(0, "0 days or more")
    .max(365, "365 days at most"),
});
export type TCustomerPortalSettingsInput = z.infer<typeof ZCustomerPortalSettingsSchema>;

export async function getCustomerPortalSettings(actor: TStaffActor) {
  return db.organisation.findUniqueOrThrow({
    where: { id: actor.organisationId },
    select: {
      requireCustomerApproval: true,
      customerMarkupPercent: true,
      estimateTerms: true,
      customerInvoiceDueDays: true,
      defaultTaxPercent: true,
    },
  });
}

// Prices already signed or invoiced keep what they were: a signature holds what it
// covered, an invoice never changes. A changed markup or terms make an open estimate's
// page ask for the decision to be signed as it now reads.
export async function updateCustomerPortalSettings(actor: TStaffActor, input: TCustomerPortalSettingsInput) {
  await db.organisation.update({
    where: { id: actor.organisationId },
    data: {
      requireCustomerApproval: input.requireCustomerApproval,
      customerMarkupPercent: input.markupPercent,
      estimateTerms: input.estimateTerms,
      customerInvoiceDueDays: input.dueDays,
    },
  });
}
