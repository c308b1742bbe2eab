import { ActionForm, Field, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { zoneName } from "@/lib/time/zones";
import { DEFAULT_VISIT_LENGTH, VISIT_LENGTHS, visitLengthLabel } from "@/lib/visits/visit-length";

export function VisitLengthField({ id = "visitMinutes", name = "visitMinutes" }: { id?: string; name?: string }) {
  return (
    <Field name={name} label="Length of the visit" inputId={id}>
      <select id={id} name={name} defaultValue={DEFAULT_VISIT_LENGTH}>
        {VISIT_LENGTHS.map((minutes) => (
          <option key={minutes} value={minutes}>
            {visitLengthLabel(minutes)}
          </option>
        ))}
      </select>
    </Field>
  );
}

// Booking a tenant's visit: the tenant's times listed above the day, time and length. A
// time within them is booked at once; another is proposed to the tenant to confirm.
export function BookVisitForm({
  taskId,
  zone,
  windows,
  action,
}: {
  taskId: string;
  zone: string;
  windows: string[];
  action: TFormAction;
}) {
  return (
    <ActionForm action={action} successMessage="Done: the tenant and your people are told." testId="book-visit-form">
      <input type="hidden" name="assignmentId" value={taskId} />
      <p className="muted">The tenant can be there:</p>
      <ul>
        {windows.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <div className="field-row">
        <Field name="day" label="Day" inputId="book-day">
          <input id="book-day" name="day" type="date" />
        </Field>
        <Field name="from" label="Arrival" inputId="book-from" hint={zoneName(zone)}>
          <input id="book-from" name="from" type="time" step={900} />
        </Field>
      </div>
      <VisitLengthField id="book-minutes" name="minutes" />
      <p className="hint">A time outside the tenant&apos;s times is sent to them to confirm.</p>
      <SubmitButton>Book</SubmitButton>
    </ActionForm>
  );
}
