"use client";
import { useId, useRef, type ReactNode } from "react";
import { buttonClass, type TButtonVariant } from "./button";

// A button that opens a modal dialog (the browser's own <dialog>: focus moves into it,
// Escape closes it, the page behind is inert). For a step that needs a second look,
// such as withdrawing a task or archiving a work order; the dialog holds the form.
export function DialogButton({
  label,
  title,
  variant = "secondary",
  children,
}: {
  label: string;
  title: string;
  variant?: TButtonVariant;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // One page can hold several (a reset per person): ids must not repeat.
  const titleId = useId();
  return (
    <>
      <button type="button" className={buttonClass(variant)} onClick={() => dialog.current?.showModal()}>
        {label}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId}>
        <div className="dialog-body">
          <h2 id={titleId}>{title}</h2>
          {children}
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
