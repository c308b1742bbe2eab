import { ActionForm, Field, FieldGroup, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { PORTAL_VIEWS, PORTAL_VIEW_WORDS } from "@/lib/portal/views";
import { ExpiryField } from "./expiry-field";

type TRecipient = { id: string; name: string; email: string; company: string | null; isCustomer: boolean };

// Sending a customer link from the work order: what it shows, to whom (the work order's
// customer and the site's, and any address), a message, and how long it works.
export function SendLinkForm({
  workOrderId,
  recipients,
  zone,
  action,
  from,
}: {
  from: number;
  workOrderId: string;
  recipients: TRecipient[];
  zone: string;
  action: TFormAction;
}) {
  return (
    <ActionForm action={action} successMessage="Link sent." testId="portal-form">
      <input type="hidden" name="workOrderId" value={workOrderId} />
      <FieldGroup name="view" legend="The link shows" className="radio-group">
        {PORTAL_VIEWS.map((view, index) => (
          <label key={view} className="radio">
            <input type="radio" name="view" value={view} defaultChecked={index === 1} />
            <span>
              <strong>{PORTAL_VIEW_WORDS[view].label}</strong>: {PORTAL_VIEW_WORDS[view].purpose}
            </span>
          </label>
        ))}
      </FieldGroup>
      {recipients.length > 0 && (
        <FieldGroup name="recipients" legend="Send to">
          {recipients.map((recipient, index) => (
            <label key={recipient.id} className="checkbox">
              <input type="checkbox" name="recipients" value={recipient.email} defaultChecked={index === 0} />
              <span>
                {recipient.name}
                {recipient.company ? `, ${recipient.company}` : ""} ({recipient.email})
                {recipient.isCustomer ? " · the work order's customer" : ""}
              </span>
            </label>
          ))}
        </FieldGroup>
      )}
      <Field
        name="otherEmails"
        label={recipients.length ? "Other addresses (optional)" : "Send to (email addresses)"}
        inputId="portal-email"
        hint="Separate several addresses with commas. Each person gets a link of their own."
      >
        <input id="portal-email" name="otherEmails" type="text" inputMode="email" autoComplete="off" />
      </Field>
      <Field name="message" label="Message (optional)" inputId="portal-message">
        <textarea id="portal-message" name="message" rows={3} maxLength={2000} />
      </Field>
      <ExpiryField zone={zone} inputId="portal-expiry" from={from} />
      <SubmitButton>Send link</SubmitButton>
    </ActionForm>
  );
}
