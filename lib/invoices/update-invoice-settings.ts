import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { TInvoiceSettingsInput } from "./schemas";

// The organisation's tolerances for invoice checks and its auto-approval switch. They
// apply to invoices submitted from now on; past checks keep what they found.
export async function updateInvoiceSettings(actor: TStaffActor, input: TInvoiceSettingsInput) {
  await db.organisation.update({
    where: { id: actor.organisationId },
    data: {
      invoicePriceTolerancePercent: input.pricePercent,
      invoiceQuantityTolerancePercent: input.quantityPercent,
      invoiceOnSiteToleranceMinutes: input.onSiteMinutes,
      invoiceAutoApprove: input.autoApprove,
    },
  });
}
