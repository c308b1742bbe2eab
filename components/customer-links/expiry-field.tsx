"use client";

import { useState } from "react";
import { Field } from "@/components/ui/action-form";

// The link's lifetime in hours, and the moment it ends on the organisation's clock: what
// the customer's email will say. 48 hours means 48 hours from sending.
// `from` is the page's moment (the same on the server and in the browser).
export function ExpiryField({ zone, inputId, from }: { zone: string; inputId: string; from: number }) {
  const [hours, setHours] = useState("48");
  const count = Number(hours);
  const valid = Number.isInteger(count) && count >= 1 && count <= 720;
  const until = valid
    ? new Intl.DateTimeFormat("en-GB", {
        timeZone: zone,
        weekday: "short",
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit",
        timeZoneName: "short",
      }).format(new Date(from + count * 3_600_000))
    : null;
  return (
    <Field
      name="expiresInHours"
      label="Link expires after (hours)"
      inputId={inputId}
      hint={until ? `Until ${until}. From 1 hour to 30 days (720 hours).` : "From 1 hour to 30 days (720 hours)."}
    >
      <input
        id={inputId}
        name="expiresInHours"
        type="number"
        inputMode="numeric"
        min={1}
        max={720}
        value={hours}
        onChange={(event) => setHours(event.target.value)}
      />
    </Field>
  );
}
