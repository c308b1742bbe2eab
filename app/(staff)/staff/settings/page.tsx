import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatCalendarDay } from "@/components/ui/format";
import { BusinessHoursFields } from "@/components/organisations/business-hours-fields";
import { EmptyState } from "@/components/ui/empty-state";
import { RemoveButton } from "@/components/ui/remove-button";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { getOrganisationSettings } from "@/lib/organisations/get-organisation-settings";
import { getComplianceSettings } from "@/lib/compliance/manage-document-types";
import { ComplianceSettings } from "@/components/compliance/compliance-settings";
import { addHolidayAction, removeHolidayAction, updateOrganisationSettingsAction } from "../actions";

export const metadata = { title: "Settings · Fieldgate" };

const TIME_ZONES = Intl.supportedValuesOf("timeZone");

export default async function OrganisationSettingsPage() {
  const actor = await requireStaffActor("/staff/settings");
  if (!staffCan(actor, "organisation.settings")) notFound();
  const [settings, compliance] = await Promise.all([getOrganisationSettings(actor), getComplianceSettings(actor)]);
  return (
    <div className="page-narrow">
      <header className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">{settings.name}: what its documents say, its clock, its money and its calendar.</p>
        </div>
      </header>
      <ActionForm action={updateOrganisationSettingsAction} toast="Settings saved." testId="settings-form">
        <section className="card card-stack" aria-labelledby="details-title">
          <h2 id="details-title">Organisation</h2>
          <Field name="name" label="Name" hint="As your staff and contractors know it">
            <input id="name" name="name" defaultValue={settings.name} required />
          </Field>
          <Field name="legalName" label="Legal name (optional)" hint="As it appears on invoices addressed to you">
            <input id="legalName" name="legalName" defaultValue={settings.legalName ?? ""} />
          </Field>
          <Field name="address" label="Registered address (optional)">
            <textarea id="address" name="address" rows={3} defaultValue={settings.address ?? ""} />
          </Field>
          <Field name="taxNumber" label="VAT or tax number (optional)">
            <input id="taxNumber" name="taxNumber" defaultValue={settings.taxNumber ?? ""} />
          </Field>
        </section>
        <section className="card card-stack" aria-labelledby="money-title">
          <h2 id="money-title">Time and money</h2>
          <Field
            name="timezone"
            label="Time zone"
            hint="Dates and SLAs are counted on this clock; a site can have its own for its visits."
          >
            <select id="timezone" name="timezone" defaultValue={settings.timezone}>
              {TIME_ZONES.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, " ")}
                </option>
              ))}
            </select>
          </Field>
          <div className="field-row">
            <Field
              name="currency"
              label="Currency"
              hint={
                settings.currencyLocked
                  ? `Fixed: ${settings.moneyRecordedOn} are recorded in ${settings.currency}.`
                  : "Three letters, such as GBP, EUR or USD. Fixed once an amount is recorded."
              }
            >
              <input
                id="currency"
                name="currency"
                defaultValue={settings.currency}
                readOnly={settings.currencyLocked}
                maxLength={3}
                autoCapitalize="characters"
              />
            </Field>
            <Field name="defaultTaxPercent" label="Default tax rate, %" hint="For new estimate and invoice lines">
              <input
                id="defaultTaxPercent"
                name="defaultTaxPercent"
                inputMode="decimal"
                defaultValue={settings.defaultTaxPercent.toString()}
              />
            </Field>
          </div>
        </section>
        <section className="card card-stack" aria-labelledby="hours-title">
          <h2 id="hours-title">Business hours</h2>
          <p className="muted">On the organisation&apos;s clock. Untick a day you are closed.</p>
          <BusinessHoursFields hours={settings.businessHours} />
        </section>
        <p>
          <SubmitButton>Save settings</SubmitButton>
        </p>
      </ActionForm>

      <section className="card card-stack" aria-labelledby="holidays-title">
        <h2 id="holidays-title">Holidays</h2>
        <p className="muted">Days you are closed, such as bank holidays.</p>
        {settings.holidays.length === 0 ? (
          <EmptyState title="No holidays yet">Add the days your organisation is closed.</EmptyState>
        ) : (
          <ul className="plain-list" aria-label="Holidays">
            {settings.holidays.map((holiday) => (
              <li key={holiday.id} className="row-between">
                <span>
                  <strong>{formatCalendarDay(holiday.day)}</strong> {holiday.name}
                </span>
                <RemoveButton action={removeHolidayAction} field="holidayId" id={holiday.id} itemName={holiday.name} />
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={addHolidayAction} className="inline-form" toast="Holiday added." testId="holiday-form">
          <Field name="day" label="Day" inputId="holiday-day">
            <input id="holiday-day" name="day" type="date" />
          </Field>
          <Field name="name" label="Name" inputId="holiday-name">
            <input id="holiday-name" name="name" placeholder="e.g. Christmas Day" />
          </Field>
          <SubmitButton variant="secondary">Add holiday</SubmitButton>
        </ActionForm>
      </section>

      <ComplianceSettings settings={compliance} />

      <section className="card" aria-labelledby="customers-title">
        <h2 id="customers-title">Customers and estimates</h2>
        <p>
          <Link href="/staff/settings/customers">Customer approval, markup, terms and invoice due days</Link> for what
          customers see through their links.
        </p>
      </section>

      <section className="card" aria-labelledby="tenant-requests-title">
        <h2 id="tenant-requests-title">Tenant requests and visits</h2>
        <p>
          <Link href="/staff/settings/tenant-requests">Request forms, emergency questions and reminder hour</Link>.
        </p>
      </section>

      {staffCan(actor, "invoice.settings") && (
        <section className="card" aria-labelledby="invoice-checks-title">
          <h2 id="invoice-checks-title">Invoice checks</h2>
          <p>
            <Link href="/staff/invoices/settings">Tolerances and auto-approval</Link> for contractors&apos; invoices.
          </p>
        </section>
      )}
    </div>
  );
}
