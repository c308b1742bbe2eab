"use client";
import { useId, useMemo, useRef, type ReactNode } from "react";
import { buttonClass, type TButtonVariant } from "./button";
import { DialogContext } from "./dialog-context";

// A button that opens a modal dialog (the browser's own <dialog>: focus moves into it,
// Escape closes it, the page behind is inert). For a step that needs a second look,
// such as withdrawing a task or archiving a work order, and for every form a record page
// opens on demand; the dialog holds the form and closes when it succeeds.
export function DialogButton({
  label,
  title,
  variant = "secondary",
  wide = false,
  ariaLabel,
  closeOnSubmit = false,
  children,
}: {
  // For a dialog holding only the last step of a form around it (the bulk bar's Archive):
  // it closes as that form is sent, and the form's answer shows beside the form.
  closeOnSubmit?: boolean;
  label: string;
  // When the label alone is ambiguous on the page ("Remove…" beside each person).
  ariaLabel?: string;
  wide?: boolean;
  title: string;
  variant?: TButtonVariant;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // One page can hold several (a reset per person): ids must not repeat.
  const titleId = useId();
  const context = useMemo(() => ({ close: () => dialog.current?.close() }), []);
  return (
    <>
      <button
        type="button"
        className={buttonClass(variant)}
        aria-label={ariaLabel}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        className={wide ? "dialog dialog-wide" : "dialog"}
        aria-labelledby={titleId}
        onClick={(event) => {
          if (closeOnSubmit && (event.target as HTMLElement).closest("button[type=submit]"))
            setTimeout(() => dialog.current?.close());
        }}
      >
        <div className="dialog-body">
          <h2 id={titleId}>{title}</h2>
          <DialogContext.Provider value={context}>{children}</DialogContext.Provider>
          <div className="dialog-actions">
            <button type="button" className={buttonClass("ghost")} onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
