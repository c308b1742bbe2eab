import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { getInvoiceSettings } from "@/lib/invoices/get-invoice-settings";
import { updateInvoiceSettingsAction } from "../../actions";

export const metadata = { title: "Invoice checks · Fieldgate" };

export default async function InvoiceSettingsPage() {
  const actor = await requireStaffActor("/staff/invoices/settings");
  if (!staffCan(actor, "invoice.settings")) notFound();
  const settings = await getInvoiceSettings(actor);
  return (
    <>
      <Link href="/staff/invoices" className="back-link">
        ← Invoices
      </Link>
      <header className="page-header">
        <div>
          <h1>Invoice checks and auto-approval</h1>
          <p className="muted">
            Every submitted invoice is checked line by line. A difference within these tolerances is not flagged.
          </p>
        </div>
      </header>
      <section className="card">
        <ActionForm
          action={updateInvoiceSettingsAction}
          successMessage="Settings saved."
          testId="invoice-settings-form"
        >
          <div className="field-row">
            <Field
              name="pricePercent"
              label="Price tolerance, %"
              hint="How far a rate or price may exceed the card, the cost or the estimate"
            >
              <input
                id="pricePercent"
                name="pricePercent"
                inputMode="decimal"
                defaultValue={settings.invoicePriceTolerancePercent.toString()}
              />
            </Field>
            <Field
              name="quantityPercent"
              label="Quantity tolerance, %"
              hint="How far hours or quantities may exceed what was recorded or estimated"
            >
              <input
                id="quantityPercent"
                name="quantityPercent"
                inputMode="decimal"
                defaultValue={settings.invoiceQuantityTolerancePercent.toString()}
              />
            </Field>
            <Field
              name="onSiteMinutes"
              label="Time on site tolerance, minutes"
              hint="Hours invoiced beyond the time between check-in and performed"
            >
              <input
                id="onSiteMinutes"
                name="onSiteMinutes"
                inputMode="numeric"
                defaultValue={settings.invoiceOnSiteToleranceMinutes}
              />
            </Field>
          </div>
          <label className="checkbox">
            <input type="checkbox" name="autoApprove" defaultChecked={settings.invoiceAutoApprove} /> Approve
            automatically an invoice with no difference outside the tolerances, the contractor&apos;s invoice document
            attached and an approved estimate (each says why it was approved)
          </label>
          <SubmitButton>Save</SubmitButton>
        </ActionForm>
      </section>
    </>
  );
}
