import "server-only";
import type { TLinkActor } from "@/lib/auth/actor";
import { workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { listCustomerInvoices } from "./list-customer-invoices";
import { renderCustomerInvoicePdf } from "./render-customer-invoice-pdf";

// One customer invoice's PDF, by its number, for a reader with a link's scope (the
// customer's invoice link, staff, or the contractor's office of the task).
export async function customerInvoicePdf(actor: TLinkActor, number: number) {
  const workOrder = await db.workOrder.findFirst({
    where: workOrderScope(actor),
    select: { number: true, title: true, organisation: { select: { timezone: true } } },
  });
  if (!workOrder) throw notFound("Work order");
  const invoice = (await listCustomerInvoices(actor, actor.workOrderId)).find(
    (candidate) => candidate.number === number,
  );
  if (!invoice) throw notFound("Invoice");
  return renderCustomerInvoicePdf(invoice, workOrder, workOrder.organisation.timezone);
}
