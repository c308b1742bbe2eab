"use client";

import { oversizedFiles } from "./file-input";
import {
  createContext,
  useActionState,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
  type FormEvent,
  type ReactNode,
} from "react";
import type { TActionResult } from "@/lib/actions/result";
import { showToast } from "./toast";
import { DialogContext } from "./dialog-context";

export type TFormAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
type TFormContext = { fieldErrors?: Record<string, string[]>; pending: boolean };
export const FormContext = createContext<TFormContext>({ pending: false });

// A form bound to a server action: shows the form-level error at the top and each field's
// errors beside the field, and a success message when given one. React's own form action
// clears every field after a submission, even a refused one; submitting through onSubmit
// keeps what the person typed until the action succeeds.
export function ActionForm({
  action,
  children,
  successMessage,
  toast,
  className,
  testId,
  keepDialogOpen = false,
  prepare,
}: {
  // Turns what the form holds into what is sent (photos resized in the browser).
  prepare?: (data: FormData) => Promise<FormData>;
  // A form for entering several things in a row (estimate lines): its dialog stays open.
  keepDialogOpen?: boolean;
  action: TFormAction;
  children: ReactNode;
  // Shown in the form, beside what was done.
  successMessage?: string;
  // For a form that is gone once it succeeds: the confirmation is a toast.
  toast?: string;
  className?: string;
  testId?: string;
}) {
  // A toast is shown as the action answers, from here rather than from an effect: a form
  // that is gone once it succeeds (its panel re-renders) never runs its effects again.
  // In a dialog, success closes it and the confirmation is a toast.
  const inDialog = useContext(DialogContext);
  const dialog = keepDialogOpen ? null : inDialog;
  const confirmation = toast ?? (dialog ? successMessage : undefined);
  const run = useMemo<TFormAction>(
    () =>
      confirmation || dialog
        ? async (previous, formData) => {
            const result = await action(previous, formData);
            if (result.ok) {
              dialog?.close();
              if (confirmation) showToast(confirmation);
            }
            return result;
          }
        : action,
    [action, confirmation, dialog],
  );
  const [state, dispatch] = useActionState<TActionResult<unknown> | null, FormData>(run, null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const [tooLarge, setTooLarge] = useState<Record<string, string[]> | null>(null);
  const error = tooLarge
    ? { message: "Please correct the highlighted fields.", fieldErrors: tooLarge }
    : state && !state.ok
      ? state.error
      : null;

  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);

  // After a refused submit the focus goes where the person must act: the first field in
  // error, or the form's message when no field has one.
  useEffect(() => {
    if (!(tooLarge || (state && !state.ok))) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>(".field-invalid :is(input:not([type=hidden]), select, textarea)") ??
      form?.querySelector<HTMLElement>(":scope > [role=alert]");
    target?.focus();
  }, [state, tooLarge]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const oversized = oversizedFiles(event.currentTarget);
    setTooLarge(oversized);
    if (oversized) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(async () => dispatch(prepare ? await prepare(data) : data));
  }

  return (
    <form
      ref={formRef}
      action={dispatch}
      onSubmit={submit}
      className={className ?? "form"}
      data-testid={testId}
      noValidate
      aria-busy={pending}
    >
      {error && (
        <p role="alert" className="alert alert-error" tabIndex={-1}>
          {/* An error about the whole form (no field of its own) says what is wrong itself. */}
          {error.fieldErrors?._form?.join(" ") ?? error.message}
        </p>
      )}
      {state?.ok && successMessage && !dialog && !pending && (
        <p role="status" className="alert alert-success">
          {successMessage}
        </p>
      )}
      <FormContext.Provider value={{ fieldErrors: error?.fieldErrors, pending }}>{children}</FormContext.Provider>
    </form>
  );
}

// `inputId` is needed when two forms on one page have a field of the same name.
export function Field({
  name,
  label,
  hint,
  inputId,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  inputId?: string;
  children: ReactNode;
}) {
  const errors = useContext(FormContext).fieldErrors?.[name];
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

// A group of checkboxes or rows under one legend, with the errors of its name.
export function FieldGroup({
  name,
  legend,
  className = "checkbox-group",
  children,
}: {
  name: string;
  legend: string;
  className?: string;
  children: ReactNode;
}) {
  const errors = useContext(FormContext).fieldErrors?.[name];
  return (
    <fieldset className={errors ? `${className} field-invalid` : className}>
      <legend>{legend}</legend>
      {children}
      {errors?.map((message) => (
        <small key={message} className="field-error">
          {message}
        </small>
      ))}
    </fieldset>
  );
}

export function SubmitButton({
  children,
  variant = "primary",
  name,
  value,
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
}) {
  const { pending } = useContext(FormContext);
  return (
    <button
      type="submit"
      className={`button button-${variant}`}
      disabled={pending}
      aria-busy={pending}
      name={name}
      value={value}
    >
      {pending ? "Working…" : children}
    </button>
  );
}
