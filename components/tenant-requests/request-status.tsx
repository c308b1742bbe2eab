import { ActionForm, Field, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import type { TRequestStatus } from "@/lib/tenant-requests/get-request-status";
import { WindowFields } from "./window-fields";

// The tenant's view of their request: where it stands, the visit (to confirm when it
// waits for them), the times they gave, and what they can change.
export function RequestStatus({
  status,
  token,
  zoneName,
  actions,
}: {
  status: TRequestStatus;
  token: string;
  zoneName: string;
  actions: { change: TFormAction; confirm: TFormAction; cancel: TFormAction };
}) {
  const tone = status.cancelled ? "info" : status.visit?.needsConfirmation ? "warning" : "success";
  return (
    <div className="page-narrow portal-page">
      <section className="card">
        <p className="muted">
          {status.organisationName} · Request {status.reference}
        </p>
        <h1>{status.stage}</h1>
        <p className={`alert alert-${tone}`} data-testid="request-stage">
          {status.explanation}
        </p>
        {status.emergency && status.emergencyPhone && !status.closed && (
          <p className="alert alert-error">
            An emergency? Call <a href={`tel:${status.emergencyPhone.replace(/\s/g, "")}`}>{status.emergencyPhone}</a>.
          </p>
        )}
        <dl className="details">
          <dt>Where</dt>
          <dd>{status.place}</dd>
          <dt>Contractor</dt>
          <dd data-testid="request-contractor">{status.contractorName ?? "Not yet chosen"}</dd>
          <dt>Visit</dt>
          <dd data-testid="request-visit">{status.visit ? status.visit.when : "Not yet booked"}</dd>
        </dl>
        <p className="prewrap">{status.description}</p>
        {status.visit?.needsConfirmation && !status.closed && (
          <ActionForm action={actions.confirm} toast="Thank you: the visit is confirmed.">
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="visitId" value={status.visit.id} />
            <SubmitButton>Confirm {status.visit.when}</SubmitButton>
          </ActionForm>
        )}
      </section>
      {!status.closed && (
        <section className="card" aria-labelledby="times-heading">
          <h2 id="times-heading">When you can be there</h2>
          <ul data-testid="request-windows">
            {status.windows.map((w) => (
              <li key={w.startsAt}>{w.text}</li>
            ))}
          </ul>
          <details>
            <summary className="button button-secondary">I&apos;m no longer available then</summary>
            <ActionForm action={actions.change} toast="Your new times are saved; the contractor is told.">
              <input type="hidden" name="token" value={token} />
              <WindowFields zoneName={zoneName} idPrefix="new-window" />
              <SubmitButton>Save my new times</SubmitButton>
            </ActionForm>
          </details>
        </section>
      )}
      {!status.closed && (
        <section className="card" aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">No longer needed?</h2>
          <ActionForm action={actions.cancel} toast="Your request is cancelled.">
            <input type="hidden" name="token" value={token} />
            <Field name="reason" label="Why (optional)" inputId="cancel-reason">
              <textarea id="cancel-reason" name="reason" rows={2} />
            </Field>
            <SubmitButton variant="danger">Cancel my request</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
