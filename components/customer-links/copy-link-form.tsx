"use client";

import { useActionState, useState } from "react";
import type { TActionResult } from "@/lib/actions/result";
import { PORTAL_VIEWS, PORTAL_VIEW_WORDS } from "@/lib/portal/views";

type TCreate = (previous: unknown, formData: FormData) => Promise<TActionResult<{ url: string }>>;

// A link to paste into one's own email: made for one person, shown here once with a copy
// button, and afterwards listed by its ending only. Nothing is emailed.
export function CopyLinkForm({ workOrderId, action }: { workOrderId: string; action: TCreate }) {
  const [state, dispatch, pending] = useActionState<TActionResult<{ url: string }> | null, FormData>(action, null);
  const [copied, setCopied] = useState(false);
  const errors = state && !state.ok ? state.error.fieldErrors : undefined;
  if (state?.ok)
    return (
      <div className="form" data-testid="copied-link">
        <p className="alert alert-success" role="status">
          Link made. Copy it now: it is shown only this once.
        </p>
        <input
          className="copy-link"
          readOnly
          value={state.data.url}
          aria-label="The new link"
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="button button-primary"
          onClick={() => void navigator.clipboard?.writeText(state.data.url).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
    );
  return (
    <form action={dispatch} className="form" data-testid="copy-link-form" noValidate>
      {state && !state.ok && !errors && (
        <p role="alert" className="alert alert-error">
          {state.error.message}
        </p>
      )}
      <input type="hidden" name="workOrderId" value={workOrderId} />
      <div className={errors?.view ? "field field-invalid" : "field"}>
        <label htmlFor="copy-view">Shows</label>
        <select id="copy-view" name="view" defaultValue="estimate">
          {PORTAL_VIEWS.map((view) => (
            <option key={view} value={view}>
              {PORTAL_VIEW_WORDS[view].label}
            </option>
          ))}
        </select>
      </div>
      <div className={errors?.email ? "field field-invalid" : "field"}>
        <label htmlFor="copy-email">For (their email address, kept in the access log)</label>
        <input
          id="copy-email"
          name="email"
          type="email"
          aria-describedby={errors?.email ? "copy-email-error" : undefined}
        />
        {errors?.email && (
          <small className="field-error" id="copy-email-error">
            {errors.email.join(" ")}
          </small>
        )}
      </div>
      <div className={errors?.expiresInHours ? "field field-invalid" : "field"}>
        <label htmlFor="copy-expiry">Expires after (hours)</label>
        <input id="copy-expiry" name="expiresInHours" type="number" min={1} max={720} defaultValue={48} />
        {errors?.expiresInHours && <small className="field-error">{errors.expiresInHours.join(" ")}</small>}
      </div>
      <button type="submit" className="button button-secondary" disabled={pending}>
        {pending ? "Working…" : "Make a link to copy"}
      </button>
    </form>
  );
}
