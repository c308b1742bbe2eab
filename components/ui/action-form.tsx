"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { TActionResult } from "@/lib/actions/result";

type TFormAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
const FieldErrorsContext = createContext<Record<string, string[]> | undefined>(undefined);

// A form bound to a server action: shows the form-level error at the top and each field's
// errors beside the field, and a success message when given one.
export function ActionForm({
  action,
  children,
  successMessage,
  className,
  testId,
}: {
  action: TFormAction;
  children: ReactNode;
  successMessage?: string;
  className?: string;
  testId?: string;
}) {
  const [state, formAction] = useActionState<TActionResult<unknown> | null, FormData>(action, null);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={formAction} className={className ?? "form"} data-testid={testId} noValidate>
      {error && (
        <p role="alert" className="alert alert-error">
          {error.message}
        </p>
      )}
      {state?.ok && successMessage && (
        <p role="status" className="alert alert-success">
          {successMessage}
        </p>
      )}
      <FieldErrorsContext.Provider value={error?.fieldErrors}>{children}</FieldErrorsContext.Provider>
    </form>
  );
}

// `inputId` is needed when two forms on one page have a field of the same name.
export function Field({ name, label, hint, inputId, children }: { name: string; label: string; hint?: string; inputId?: string; children: ReactNode }) {
  const errors = useContext(FieldErrorsContext)?.[name];
  return (
    <div className={errors ? "field field-invalid" : "field"}>
      <label htmlFor={inputId ?? name}>{label}</label>
      {children}
      {hint && <small className="hint">{hint}</small>}
      {errors?.map((message) => (
        <small key={message} className="field-error" id={`${name}-error`}>
          {message}
        </small>
      ))}
    </div>
  );
}

export function SubmitButton({ children, variant = "primary", name, value }: { children: ReactNode; variant?: "primary" | "secondary" | "danger"; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={`button button-${variant}`} disabled={pending} aria-busy={pending} name={name} value={value}>
      {pending ? "Working…" : children}
    </button>
  );
}
