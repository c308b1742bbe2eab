import Link from "next/link";
import type { ReactNode } from "react";

export function AppShell({
  area,
  user,
  context,
  links,
  children,
}: {
  area: string;
  user: string;
  context: string;
  links: { href: string; label: string }[];
  children: ReactNode;
}) {
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand">
          Fieldgate <span className="brand-area">{area}</span>
        </Link>
        <nav aria-label="Main">
          {links.map((link) => (
            <Link key={link.href} href={link.href}>
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="who">
          <span>
            {user} · {context}
          </span>
          <form action="/signout" method="post">
            <button type="submit" className="button button-link">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
