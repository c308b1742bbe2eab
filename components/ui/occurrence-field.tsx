import { Field } from "./action-form";

// For the hour that happens twice when the clocks go back: which of the two is meant.
// Left blank, such a time is refused with a message asking for this choice.
export function OccurrenceField({ id }: { id: string }) {
  return (
    <Field name="occurrence" label="If that time happens twice (clocks going back)" inputId={id}>
      <select id={id} name="occurrence" defaultValue="">
        <option value="">Not applicable</option>
        <option value="earlier">The first (before the change)</option>
        <option value="later">The second (after the change)</option>
      </select>
    </Field>
  );
}
