"use client";
import { useEffect, useRef } from "react";
import { buttonClass } from "./button";

const SHORTCUTS = [
  ["/", "Search the list you are on"],
  ["?", "Show these shortcuts"],
  ["Esc", "Close a dialog"],
  ["Tab", "Move to the next link, field or button"],
] as const;

// Keys typed into a field are the field's: shortcuts act only when no field has the focus.
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

// The dashboard's and the Desk's keyboard shortcuts, as in the products people know:
// "/" goes to the page's search, "?" lists the shortcuts; Escape closes any dialog (the
// browser's own <dialog> does that).
export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      if (document.querySelector("dialog[open]")) return;
      if (event.key === "/") {
        const search = document.querySelector<HTMLInputElement>("#main input[type=search]");
        if (!search) return;
        event.preventDefault();
        search.focus();
        search.select();
      } else if (event.key === "?") {
        event.preventDefault();
        dialog.current?.showModal();
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="shortcuts-title">
      <div className="dialog-body">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl className="shortcuts">
          {SHORTCUTS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <div className="dialog-actions">
          <button type="button" className={buttonClass("ghost")} onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
