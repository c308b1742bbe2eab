"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";

// The header's checkbox: ticks or clears every row of its table, and shows "some" while
// only some are ticked.
export function SelectAll({ name, label }: { name: string; label: string }) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const form = box.current?.form;
    if (!form) return;
    const sync = () => {
      const rows = rowBoxes(box.current!, name);
      const ticked = rows.filter((row) => row.checked).length;
      box.current!.checked = rows.length > 0 && ticked === rows.length;
      box.current!.indeterminate = ticked > 0 && ticked < rows.length;
    };
    form.addEventListener("change", sync);
    form.addEventListener("reset", () => setTimeout(sync));
    return () => form.removeEventListener("change", sync);
  }, [name]);
  return (
    <input
      ref={box}
      type="checkbox"
      aria-label={label}
      onChange={(event) => {
        for (const row of rowBoxes(event.currentTarget, name)) row.checked = event.currentTarget.checked;
        event.currentTarget.form?.dispatchEvent(new Event("change", { bubbles: true }));
      }}
    />
  );
}

function rowBoxes(from: HTMLElement, name: string): HTMLInputElement[] {
  const table = from.closest("table");
  return table ? [...table.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${name}"]`)] : [];
}

// The bar of actions for the ticked rows: shown only while some are ticked (a CSS rule on
// the form, so it never flashes), with how many and a way to clear them.
export function BulkBar({ name, children }: { name: string; children: ReactNode }) {
  const bar = useRef<HTMLFieldSetElement>(null);
  const [count, setCount] = useState(0);
  useEffect(() => {
    const form = bar.current?.form;
    if (!form) return;
    const sync = () => setCount(form.querySelectorAll(`input[type=checkbox][name="${name}"]:checked`).length);
    sync();
    form.addEventListener("change", sync);
    const afterReset = () => setTimeout(sync);
    form.addEventListener("reset", afterReset);
    return () => {
      form.removeEventListener("change", sync);
      form.removeEventListener("reset", afterReset);
    };
  }, [name]);
  return (
    <fieldset ref={bar} className="bulk-bar" data-testid="bulk-bar">
      <legend className="visually-hidden">Selected rows</legend>
      <p className="bulk-count" role="status">
        <strong>{count}</strong> selected{" "}
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => {
            const form = bar.current?.form;
            form?.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${name}"]`).forEach((box) => {
              box.checked = false;
            });
            form?.dispatchEvent(new Event("change", { bubbles: true }));
          }}
        >
          Clear selection
        </button>
      </p>
      <div className="bulk-fields">{children}</div>
    </fieldset>
  );
}
