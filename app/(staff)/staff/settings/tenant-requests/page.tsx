import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { RemoveButton } from "@/components/ui/remove-button";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { getTenantRequestSettings } from "@/lib/tenant-requests/tenant-request-settings";
import {
  addEmergencyQuestionAction,
  removeEmergencyQuestionAction,
  updateTenantRequestSettingsAction,
} from "../../tenant-requests/actions";

export const metadata = { title: "Tenant requests and visits · Fieldgate" };

const HOURS = Array.from({ length: 13 }, (_, i) => i + 8);

export default async function TenantRequestSettingsPage() {
  const actor = await requireStaffActor("/staff/settings/tenant-requests");
  if (!staffCan(actor, "tenantRequest.settings")) notFound();
  const settings = await getTenantRequestSettings(actor);
  return (
    <>
      <Link href="/staff/tenant-requests" className="back-link">
        ← Tenant requests
      </Link>
      <header className="page-header">
        <div>
          <h1>Tenant requests and visits</h1>
          <p className="muted">The request forms, what they ask in an emergency, and when visits are reminded.</p>
        </div>
      </header>
      <section className="card" aria-labelledby="reminders-title">
        <h2 id="reminders-title">Emergencies and reminders</h2>
        <ActionForm
          action={updateTenantRequestSettingsAction}
          successMessage="Settings saved."
          testId="tenant-settings-form"
        >
          <div className="field-row">
            <Field
              name="emergencyPhone"
              label="Emergency number"
              hint="Shown at once to a tenant who answers yes to an emergency question"
            >
              <input
                id="emergencyPhone"
                name="emergencyPhone"
                type="tel"
                defaultValue={settings.emergencyPhone ?? ""}
              />
            </Field>
            <Field
              name="dayBeforeHour"
              label="Day-before reminder at"
              hint="On each site's clock; the morning reminder is at 07:00"
            >
              <select id="dayBeforeHour" name="dayBeforeHour" defaultValue={settings.dayBeforeReminderHour}>
                {HOURS.map((h) => (
                  <option key={h} value={h}>
                    {String(h).padStart(2, "0")}:00
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <SubmitButton>Save</SubmitButton>
        </ActionForm>
      </section>
      <section className="card" aria-labelledby="questions-title">
        <h2 id="questions-title">Emergency questions</h2>
        <p className="muted">Asked on the form for the trade the tenant chooses. A yes makes the work order urgent.</p>
        {settings.categories.map((c) =>
          c.emergencyQuestions.length ? (
            <div key={c.id}>
              <h3>{c.name}</h3>
              <ul className="plain-list">
                {c.emergencyQuestions.map((q) => (
                  <li key={q.id}>
                    {q.question}{" "}
                    <RemoveButton
                      action={removeEmergencyQuestionAction}
                      field="questionId"
                      id={q.id}
                      itemName={q.question}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ) : null,
        )}
        <ActionForm action={addEmergencyQuestionAction} toast="Question added." testId="emergency-question-form">
          <div className="field-row">
            <Field name="categoryId" label="Trade">
              <select id="categoryId" name="categoryId" defaultValue="">
                <option value="">Choose…</option>
                {settings.categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="question" label="Question (yes or no)">
              <input id="question" name="question" placeholder="Is water coming through a ceiling?" />
            </Field>
          </div>
          <SubmitButton variant="secondary">Add question</SubmitButton>
        </ActionForm>
      </section>
      <section className="card" aria-labelledby="forms-title">
        <h2 id="forms-title">Request forms</h2>
        <p>
          Your organisation&apos;s form (tenants type their address; staff match it to a site):{" "}
          <a href={settings.formUrl} className="long-address" data-testid="organisation-form-link">
            {settings.formUrl}
          </a>
        </p>
        <p className="muted">Each site&apos;s form fixes the building. Print its poster for the notice board.</p>
        <ul className="plain-list" data-testid="site-forms">
          {settings.sites.map((s) => (
            <li key={s.id}>
              {s.name}, {s.city}: <a href={s.formUrl}>form</a> ·{" "}
              <a href={`/api/staff/sites/${s.id}/request-poster`}>poster (PDF)</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
