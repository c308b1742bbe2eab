import Link from "next/link";

// more: the count stopped at its cap ("999+").
export type TTab = { href: string; label: string; current: boolean; count?: number; more?: boolean };

// Views of one page (a list by status, a report's sections), the current one marked.
export function Tabs({ label, tabs }: { label: string; tabs: TTab[] }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.href} href={tab.href} aria-current={tab.current ? "page" : undefined}>
          {tab.label}
          {tab.count !== undefined && (
            <span className="tab-count">
              {tab.count.toLocaleString("en-GB")}
              {tab.more && "+"}
            </span>
          )}
        </Link>
      ))}
    </nav>
  );
}
