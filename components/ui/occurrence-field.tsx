"use client";
import { useContext, useEffect, useState } from "react";
import { readSiteInput } from "@/lib/time/site-clock";
import { Field, FormContext } from "./action-form";

// For the hour that happens twice when the clocks go back: which of the two is meant.
// Offered only while the time typed in `timeInputId` is such a time in one of `zones`
// (a bulk schedule reads it in each task's zone), or once the server has asked for it.
export function OccurrenceField({ id, timeInputId, zones }: { id: string; timeInputId: string; zones: string[] }) {
  const [ambiguous, setAmbiguous] = useState(false);
  const asked = !!useContext(FormContext).fieldErrors?.occurrence;
  const zoneList = zones.join(" ");
  useEffect(() => {
    const input = document.getElementById(timeInputId);
    if (!(input instanceof HTMLInputElement)) return;
    const check = () =>
      setAmbiguous(zoneList.split(" ").some((zone) => readSiteInput(input.value, zone)?.kind === "ambiguous"));
    check();
    input.addEventListener("input", check);
    input.addEventListener("change", check);
    // A form reset after a success empties the time without an input event.
    const form = input.form;
    const afterReset = () => setTimeout(check);
    form?.addEventListener("reset", afterReset);
    return () => {
      input.removeEventListener("input", check);
      input.removeEventListener("change", check);
      form?.removeEventListener("reset", afterReset);
    };
  }, [timeInputId, zoneList]);
  if (!ambiguous && !asked) return null;
  return (
    <Field name="occurrence" label="That time happens twice (the clocks go back): which one?" inputId={id}>
      <select id={id} name="occurrence" defaultValue="">
        <option value="">Choose…</option>
        <option value="earlier">The first (before the change)</option>
        <option value="later">The second (after the change)</option>
      </select>
    </Field>
  );
}
