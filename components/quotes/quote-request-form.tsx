import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import type { TFormAction } from "@/components/ui/action-form";
import type { TNetworkContractor } from "@/lib/contractors/list-network-contractors";
import { InviteeFields } from "./invitee-fields";

// A request for quote on one work order: what to quote, by when on the site's clock, an
// optional site visit and budget (never shown to bidders), sealed or not, and whom to ask.
export function QuoteRequestForm({
  action,
  workOrderId,
  zone,
  currency,
  defaultScope,
  contractors,
  canOverride,
}: {
  action: TFormAction;
  workOrderId: string;
  zone: string;
  currency: string;
  defaultScope: string;
  contractors: TNetworkContractor[];
  canOverride: boolean;
}) {
  return (
    <ActionForm action={action} testId="quote-request-form">
      <input type="hidden" name="workOrderId" value={workOrderId} />
      <Field name="scope" label="Scope: what to quote for">
        <textarea id="scope" name="scope" rows={5} defaultValue={defaultScope} />
      </Field>
      <Field name="requirements" label="Requirements (optional)" hint="Standards, access, insurance, working hours…">
        <textarea id="requirements" name="requirements" rows={3} />
      </Field>
      <div className="field-row">
        <Field name="deadline" label={`Answers by (${zone})`}>
          <input id="deadline" name="deadline" type="datetime-local" />
        </Field>
        <Field name="budget" label={`Budget, ${currency} (optional)`} hint="Never shown to bidders">
          <input id="budget" name="budget" inputMode="decimal" />
        </Field>
      </div>
      <div className="field-row">
        <Field name="siteVisitFrom" label={`Site visit from (optional, ${zone})`}>
          <input id="siteVisitFrom" name="siteVisitFrom" type="datetime-local" />
        </Field>
        <Field name="siteVisitTo" label="Site visit until">
          <input id="siteVisitTo" name="siteVisitTo" type="datetime-local" />
        </Field>
      </div>
      <label className="checkbox">
        <input type="checkbox" name="sealed" /> Sealed: see who answered, but no price or line until the deadline
      </label>
      <InviteeFields contractors={contractors} canOverride={canOverride} />
      <div className="button-row">
        <SubmitButton name="intent" value="send">
          Send request
        </SubmitButton>
        <SubmitButton name="intent" value="draft" variant="secondary">
          Save as draft
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
