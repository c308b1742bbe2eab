"use client";

import { useActionState, useState, type FormEvent } from "react";
import type { TActionResult } from "@/lib/actions/result";
import { FileInput, oversizedFiles } from "@/components/ui/file-input";

type TVerdict = { verified: boolean; sha256: string; workOrderNumber?: number; madeAt?: string };
type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<TVerdict>>;

// Upload a PDF, read the verdict: unaltered (which work order, when made) or not a pack
// Fieldgate made, byte for byte.
export function VerifyForm({ action }: { action: TAction }) {
  const [state, dispatch, pending] = useActionState<TActionResult<TVerdict> | null, FormData>(action, null);
  // A file over the upload limit is said beside the field before anything is sent.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  function check(event: FormEvent<HTMLFormElement>) {
    const problem = oversizedFiles(event.currentTarget)?.file?.[0] ?? null;
    setTooLarge(problem);
    if (problem) event.preventDefault();
  }
  return (
    <form action={dispatch} onSubmit={check} className="form" data-testid="verify-form" aria-busy={pending}>
      <div className={tooLarge ? "field field-invalid" : "field"}>
        <label htmlFor="pack">Evidence pack (PDF)</label>
        <FileInput
          id="pack"
          name="file"
          accept="application/pdf"
          aria-describedby={tooLarge ? "pack-error" : undefined}
        />
        {tooLarge && (
          <small className="field-error" id="pack-error" role="alert">
            {tooLarge}
          </small>
        )}
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        Check the PDF
      </button>
      {state && !state.ok && !tooLarge && (
        <p role="alert" className="alert alert-error">
          {state.error.fieldErrors?.file?.join(" ") ?? state.error.message}
        </p>
      )}
      {state?.ok &&
        (state.data.verified ? (
          <p role="status" className="alert alert-success" data-testid="verify-result">
            This is an unaltered Fieldgate evidence pack for work order #{state.data.workOrderNumber}, made on{" "}
            {state.data.madeAt}.
          </p>
        ) : (
          <p role="status" className="alert alert-warning" data-testid="verify-result">
            This PDF is not an evidence pack as Fieldgate made it: it was changed, or it is another document.
          </p>
        ))}
      {state?.ok && <p className="hint">Its SHA-256: {state.data.sha256}</p>}
    </form>
  );
}
