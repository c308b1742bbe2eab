import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { invoiceScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

// The invoices of one task (the Desk) or one work order (staff: every contractor's, as
// submitted), oldest first.
export async function listWorkInvoices(
  actor: TStaffActor | TDeskActor,
  where: { assignmentId: string } | { workOrderId: string },
) {
  return db.invoice.findMany({
    where: { ...invoiceScope(actor), ...where },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      number: true,
      status: true,
      currency: true,
      net: true,
      gross: true,
      noRateCard: true,
      differences: true,
      contractorCompany: { select: { name: true } },
    },
  });
}
