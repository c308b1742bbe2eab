import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { getCustomerPortalSettings } from "@/lib/organisations/customer-portal-settings";
import { updateCustomerPortalSettingsAction } from "./actions";

export const metadata = { title: "Customers and estimates · Fieldgate" };

export default async function CustomerPortalSettingsPage() {
  const actor = await requireStaffActor("/staff/settings/customers");
  if (!staffCan(actor, "organisation.settings")) notFound();
  const settings = await getCustomerPortalSettings(actor);
  return (
    <>
      <Link href="/staff/settings" className="back-link">
        ← Settings
      </Link>
      <header className="page-header">
        <div>
          <h1>Customers and estimates</h1>
          <p className="muted">What customers see through their links, and what their decisions change.</p>
        </div>
      </header>
      <section className="card">
        <ActionForm
          action={updateCustomerPortalSettingsAction}
          successMessage="Settings saved."
          testId="customer-settings-form"
        >
          <label className="checkbox">
            <input type="checkbox" name="requireCustomerApproval" defaultChecked={settings.requireCustomerApproval} />{" "}
            An estimate line counts (towards the not-to-exceed and the contractor&apos;s invoice) only once the customer
            has approved it too
          </label>
          <div className="field-row">
            <Field
              name="markupPercent"
              label="Markup on contractor work, %"
              hint="Added to every contractor price a customer sees; the contractor's own prices never reach them"
            >
              <input
                id="markupPercent"
                name="markupPercent"
                inputMode="decimal"
                defaultValue={settings.customerMarkupPercent.toString()}
              />
            </Field>
            <Field name="dueDays" label="Customer invoices due after, days">
              <input id="dueDays" name="dueDays" inputMode="numeric" defaultValue={settings.customerInvoiceDueDays} />
            </Field>
          </div>
          <Field
            name="estimateTerms"
            label="Terms customers read before signing an estimate"
            hint="Shown after the lines and before the signature, and printed on the estimate"
          >
            <textarea id="estimateTerms" name="estimateTerms" rows={8} defaultValue={settings.estimateTerms} />
          </Field>
          <SubmitButton>Save</SubmitButton>
        </ActionForm>
      </section>
    </>
  );
}
