import "server-only";
import type { TLinkActor } from "@/lib/auth/actor";
import { listCustomerInvoices } from "@/lib/customer-invoices/list-customer-invoices";
import { getPortalEstimate } from "./get-portal-estimate";
import { getPortalProgress } from "./get-portal-progress";
import { getPortalWorkOrder } from "./get-portal-work-order";

// Everything one link's page shows, for its one view.
export async function getPortalView(actor: TLinkActor) {
  const base = await getPortalWorkOrder(actor);
  switch (actor.view) {
    case "estimate":
    case "work_authorization":
      return { ...base, view: actor.view, estimate: await getPortalEstimate(actor) };
    case "progress":
      return { ...base, view: actor.view, progress: await getPortalProgress(actor) };
    case "invoice":
      return { ...base, view: actor.view, invoices: await listCustomerInvoices(actor, actor.workOrderId) };
  }
}
export type TPortalView = Awaited<ReturnType<typeof getPortalView>>;
