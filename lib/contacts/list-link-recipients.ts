import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

// Whom a work order's links usually go to: its customer, then its site's customers.
export async function listLinkRecipients(actor: TStaffActor, workOrderId: string) {
  const workOrder = await db.workOrder.findFirst({
    where: { ...workOrderScope(actor), id: workOrderId },
    select: {
      customerContact: { select: { id: true, name: true, email: true, company: true } },
      site: {
        select: {
          contacts: {
            where: { role: "CUSTOMER" },
            orderBy: { createdAt: "asc" },
            select: { contact: { select: { id: true, name: true, email: true, company: true } } },
          },
        },
      },
    },
  });
  if (!workOrder) return [];
  const all = [
    ...(workOrder.customerContact ? [{ ...workOrder.customerContact, isCustomer: true }] : []),
    ...workOrder.site.contacts.map((c) => ({ ...c.contact, isCustomer: false })),
  ];
  return all.filter((contact, index) => all.findIndex((c) => c.email === contact.email) === index);
}
