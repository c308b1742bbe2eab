import "server-only";
import type { TLinkActor } from "@/lib/auth/actor";
import { listCustomerInvoices } from "@/lib/customer-invoices/list-customer-invoices";
import { getPortalEstimate } from "./get-portal-estimate";
import { getPortalProgress } from "./get-portal-progress";
import { getPortalWorkOrder } from "./get-portal-work-order";

// Everything one link's page shows, for its one view.
// The heading's reads and the view's run side by side.
export async function getPortalView(actor: TLinkActor) {
  const heading = async () => {
    const { workOrder, assignment, contact } = await getPortalWorkOrder(actor);
    return { workOrder, assignment, contact };
  };
  switch (actor.view) {
    case "estimate":
    case "work_authorization": {
      const { heading, ...estimate } = await getPortalEstimate(actor);
      return { ...heading, view: actor.view, estimate };
    }
    case "progress": {
      const [base, progress] = await Promise.all([heading(), getPortalProgress(actor)]);
      return { ...base, view: actor.view, progress };
    }
    case "invoice": {
      const [base, invoices] = await Promise.all([heading(), listCustomerInvoices(actor, actor.workOrderId)]);
      return { ...base, view: actor.view, invoices };
    }
  }
}
export type TPortalView = Awaited<ReturnType<typeof getPortalView>>;
