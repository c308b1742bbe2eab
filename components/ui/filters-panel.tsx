import Link from "next/link";
import type { ReactNode } from "react";

export type TFilterChip = { label: string; removeHref: string };

// A list's filters behind one "Filters" button (a sheet on a phone), the search beside
// it, and the filters in force as chips that each remove themselves.
export function FiltersPanel({
  search,
  chips,
  clearHref,
  children,
}: {
  search?: ReactNode;
  chips: TFilterChip[];
  clearHref: string;
  children: ReactNode;
}) {
  return (
    <div className="list-controls">
      <div className="list-controls-row">
        {search}
        <details className="filters-panel">
          <summary className="button button-secondary">
            Filters{chips.length > 0 && <span className="tab-count">{chips.length}</span>}
          </summary>
          <div className="filters-sheet">{children}</div>
        </details>
      </div>
      {chips.length > 0 && (
        <ul className="filter-chips" aria-label="Filters in force">
          {chips.map((chip) => (
            <li key={chip.label} className="filter-chip">
              {chip.label}
              <Link href={chip.removeHref} aria-label={`Remove filter ${chip.label}`} className="chip-remove">
                ×
              </Link>
            </li>
          ))}
          <li>
            <Link href={clearHref} className="button button-ghost button-small">
              Clear all
            </Link>
          </li>
        </ul>
      )}
    </div>
  );
}
