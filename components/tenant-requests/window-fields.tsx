"use client";
import { useState } from "react";
import { Field, FieldGroup } from "@/components/ui/action-form";
import { MAX_WINDOWS } from "@/lib/tenant-requests/limits";

// When the tenant can be there: one to five rows of a day and two times, on the site's
// clock (named in the legend).
export function WindowFields({ zoneName, idPrefix = "window" }: { zoneName: string; idPrefix?: string }) {
  const [rows, setRows] = useState(2);
  return (
    <FieldGroup name="windows" legend={`When can you be there? (${zoneName})`} className="field-rows">
      <p className="hint">Give up to {MAX_WINDOWS} times. The contractor books a visit within one of them.</p>
      {Array.from({ length: rows }, (_, i) => (
        <div className="field-row" key={i} data-testid="window-row">
          <Field name={`windows.${i}.day`} label={`Day ${i + 1}`} inputId={`${idPrefix}-day-${i}`}>
            <input id={`${idPrefix}-day-${i}`} name={`windows.${i}.day`} type="date" />
          </Field>
          <Field name={`windows.${i}.from`} label="From" inputId={`${idPrefix}-from-${i}`}>
            <input id={`${idPrefix}-from-${i}`} name={`windows.${i}.from`} type="time" step={900} />
          </Field>
          <Field name={`windows.${i}.to`} label="Until" inputId={`${idPrefix}-to-${i}`}>
            <input id={`${idPrefix}-to-${i}`} name={`windows.${i}.to`} type="time" step={900} />
          </Field>
        </div>
      ))}
      {rows < MAX_WINDOWS && (
        <button type="button" className="button button-secondary" onClick={() => setRows((n) => n + 1)}>
          Add another time
        </button>
      )}
    </FieldGroup>
  );
}
