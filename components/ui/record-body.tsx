import type { ReactNode } from "react";
import { Tabs } from "./tabs";

export type TRecordTab<T extends string = string> = { id: T; label: string; count?: number };

// The tab a record page shows: the one asked for in its address, or the first.
export function pickRecordTab<T extends string>(requested: string | string[] | undefined, tabs: TRecordTab<T>[]): T {
  const wanted = Array.isArray(requested) ? requested[0] : requested;
  return tabs.find((tab) => tab.id === wanted)?.id ?? tabs[0].id;
}

// Below a record's header: its sections as tabs in the main column (each tab is an
// address, so a reload, a link or the back button lands on the same one, and only the
// shown tab's data is read), and the side column with what stays in view whichever tab
// is open (on a phone it follows the main column).
export function RecordBody<T extends string>({
  basePath,
  label,
  tabs,
  current,
  side,
  children,
}: {
  basePath: string;
  label: string;
  tabs: TRecordTab<T>[];
  current: T;
  // Absent for a record whose main column needs the page's whole width (a comparison).
  side?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={side ? "record-body" : "record-body record-body-wide"}>
      <div className="record-main">
        <Tabs
          label={label}
          tabs={tabs.map((tab, index) => ({
            href: index === 0 ? basePath : `${basePath}?tab=${tab.id}`,
            label: tab.label,
            count: tab.count,
            current: tab.id === current,
          }))}
        />
        <div className="record-tab" data-testid={`tab-${current}`}>
          {children}
        </div>
      </div>
      {side && <aside className="record-side">{side}</aside>}
    </div>
  );
}

// A titled block of the side column.
export function SideSection({ title, children, label }: { title: string; children: ReactNode; label?: string }) {
  return (
    <section className="card side-section" aria-label={label ?? title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
