import type { ReactNode } from "react";

// A table that may be wider than the screen scrolls inside this region, which keyboard
// users can focus and scroll, and screen readers announce by its label.
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
