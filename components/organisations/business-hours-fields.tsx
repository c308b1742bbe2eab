"use client";
import { useState } from "react";
import { Field } from "@/components/ui/action-form";
import { WEEKDAYS, type TBusinessHours } from "@/lib/organisations/weekdays";

// One row per weekday: open or closed, and from when to when (a day ticked open again
// starts from its saved times).
export function BusinessHoursFields({ hours }: { hours: TBusinessHours }) {
  const byDay = new Map(hours.map((h) => [h.day, h]));
  const [open, setOpen] = useState(() => new Set(hours.map((h) => h.day)));
  return (
    <div className="hours">
      {WEEKDAYS.map(([day, name]) => {
        const isOpen = open.has(day);
        return (
          <fieldset key={day} className="hours-row">
            <legend className="visually-hidden">{name}</legend>
            <label className="checkbox hours-day">
              <input
                type="checkbox"
                name={`open-${day}`}
                checked={isOpen}
                onChange={(event) =>
                  setOpen((current) => {
                    const next = new Set(current);
                    if (event.target.checked) next.add(day);
                    else next.delete(day);
                    return next;
                  })
                }
              />{" "}
              {name}
            </label>
            {isOpen ? (
              <>
                <Field name={`opens-${day}`} label={`${name} opens`} inputId={`opens-${day}`}>
                  <input
                    id={`opens-${day}`}
                    name={`opens-${day}`}
                    type="time"
                    defaultValue={byDay.get(day)?.opens ?? "08:00"}
                  />
                </Field>
                <Field name={`closes-${day}`} label={`${name} closes`} inputId={`closes-${day}`}>
                  <input
                    id={`closes-${day}`}
                    name={`closes-${day}`}
                    type="time"
                    defaultValue={byDay.get(day)?.closes ?? "18:00"}
                  />
                </Field>
              </>
            ) : (
              <span className="muted">Closed</span>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
