import "server-only";
import type { TLinkActor, TStaffActor } from "@/lib/auth/actor";
import { assertLinkCan } from "@/lib/authz/permissions";
import { db } from "@/lib/db";

export type TCustomerInvoice = Awaited<ReturnType<typeof listCustomerInvoices>>[number];

// A work order's customer invoices, newest first, with their lines: the one that stands
// and any cancelled by a correction. Staff read their organisation's; a customer's invoice
// link reads its own work order's (the contractor's invoice never appears here).
export async function listCustomerInvoices(actor: TStaffActor | TLinkActor, workOrderId: string) {
  if (actor.kind === "link") assertLinkCan(actor, "customerInvoice.read");
  const where =
    actor.kind === "link"
      ? { organisationId: actor.organisationId, workOrderId: actor.workOrderId }
      : { organisationId: actor.organisationId, workOrderId };
  const invoices = await db.customerInvoice.findMany({
    where,
    orderBy: [{ number: "desc" }],
    include: { lines: { orderBy: { position: "asc" } } },
  });
  return invoices.map((invoice) => ({
    ...invoice,
    seller: invoice.seller as { name: string; address: string; taxNumber: string | null },
    buyer: invoice.buyer as { name: string; company: string | null; email: string | null; site: string },
    replacedBy: invoices.find((other) => other.replacesId === invoice.id)?.number ?? null,
    replaces: invoices.find((other) => other.id === invoice.replacesId)?.number ?? null,
  }));
}
