import Link from "next/link";
import { WorkOrderForm } from "@/components/work-orders/work-order-form";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { listAssetOptions, listWorkOrderFormOptions } from "@/lib/work-orders/list-form-options";
import { PRIORITY_OPTIONS } from "@/lib/work-orders/priorities";
import { createWorkOrderAction } from "../../actions";

export const metadata = { title: "New work order · Fieldgate" };

export default async function NewWorkOrderPage() {
  const actor = await requireStaffActor("/staff/work-orders/new");
  const [{ sites, categories }, assets] = await Promise.all([listWorkOrderFormOptions(actor), listAssetOptions(actor)]);
  return (
    <section className="card page-narrow">
      <h1>New work order</h1>
      {sites.length === 0 && (
        <p className="alert alert-info">
          Add a site first: <Link href="/staff/sites">Sites</Link>.
        </p>
      )}
      <WorkOrderForm
        currency={actor.organisationCurrency}
        action={createWorkOrderAction}
        sites={sites}
        assets={assets}
        categories={categories}
        priorities={PRIORITY_OPTIONS}
        submitLabel="Create work order"
        alsoSubmit={
          staffCan(actor, "quote.send")
            ? { label: "Create and ask for quotes", name: "then", value: "quote" }
            : undefined
        }
      />
    </section>
  );
}
