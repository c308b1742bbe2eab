import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { requireStaffActor } from "@/lib/auth/session";
import { listWorkOrderFormOptions } from "@/lib/work-orders/list-form-options";
import { SLA_HOURS } from "@/lib/work-orders/priorities";
import { createWorkOrderAction } from "../../actions";

export const metadata = { title: "New work order · Fieldgate" };

export default async function NewWorkOrderPage() {
  const actor = await requireStaffActor("/staff/work-orders/new");
  const { sites, categories } = await listWorkOrderFormOptions(actor);
  return (
    <section className="card page-narrow">
      <h1>New work order</h1>
      {sites.length === 0 && (
        <p className="alert alert-info">
          Add a site first: <Link href="/staff/sites">Sites</Link>.
        </p>
      )}
      <ActionForm action={createWorkOrderAction} testId="work-order-form">
        <Field name="title" label="Title">
          <input id="title" name="title" required />
        </Field>
        <Field name="siteId" label="Site">
          <select id="siteId" name="siteId" defaultValue="">
            <option value="">Choose a site</option>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name} ({site.city})
              </option>
            ))}
          </select>
        </Field>
        <Field name="categoryId" label="Trade">
          <select id="categoryId" name="categoryId" defaultValue="">
            <option value="">No specific trade</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="priority" label="Priority" hint="Sets the SLA due time.">
          <select id="priority" name="priority" defaultValue="NORMAL">
            {(Object.keys(SLA_HOURS) as (keyof typeof SLA_HOURS)[]).map((p) => (
              <option key={p} value={p}>
                {p.charAt(0) + p.slice(1).toLowerCase()} (within {SLA_HOURS[p]} h)
              </option>
            ))}
          </select>
        </Field>
        <Field name="description" label="Description">
          <textarea id="description" name="description" rows={4} />
        </Field>
        <Field name="dueAt" label="Due date (optional)">
          <input id="dueAt" name="dueAt" type="date" />
        </Field>
        <Field name="purchaseOrder" label="Purchase order number (optional)">
          <input id="purchaseOrder" name="purchaseOrder" />
        </Field>
        <Field name="notToExceed" label="Not-to-exceed amount, £ (optional)">
          <input id="notToExceed" name="notToExceed" inputMode="decimal" />
        </Field>
        <Field name="internalNotes" label="Internal notes (never shown to the contractor)">
          <textarea id="internalNotes" name="internalNotes" rows={2} />
        </Field>
        <SubmitButton>Create work order</SubmitButton>
      </ActionForm>
    </section>
  );
}
