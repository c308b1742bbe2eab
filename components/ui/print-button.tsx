"use client";

// Printing is the browser's; the print stylesheet in app/globals.css decides what shows.
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
