import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

export async function getInvoiceSettings(actor: TStaffActor) {
  return db.organisation.findUniqueOrThrow({
    where: { id: actor.organisationId },
    select: {
      invoicePriceTolerancePercent: true,
      invoiceQuantityTolerancePercent: true,
      invoiceOnSiteToleranceMinutes: true,
      invoiceAutoApprove: true,
    },
  });
}
