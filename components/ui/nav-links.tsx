"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type TNavLink = { href: string; label: string };

// The link a path belongs to: the longest whose address is the path or a folder of it
// ("/staff/work-orders/new" is "New work order", "/staff/work-orders/42" is "Work orders").
export function activeHref(links: TNavLink[], pathname: string): string | null {
  const matching = links.filter((link) => pathname === link.href || pathname.startsWith(`${link.href}/`));
  return matching.sort((a, b) => b.href.length - a.href.length)[0]?.href ?? null;
}

export function NavLinks({ links, label }: { links: TNavLink[]; label: string }) {
  const active = activeHref(links, usePathname());
  return (
    <nav aria-label={label}>
      {links.map((link) => (
        <Link key={link.href} href={link.href} aria-current={link.href === active ? "page" : undefined}>
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
