import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks, type TNavLink } from "@/components/ui/nav-links";
import { KeyboardShortcuts } from "@/components/ui/keyboard-shortcuts";
import { ToastRegion } from "@/components/ui/toast";

// Every signed-in page of the dashboard and the Desk: the audience's navigation with the
// current page marked, who is signed in, and the page itself as the main landmark.
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
  links: TNavLink[];
  children: ReactNode;
}) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          Fieldgate <span className="brand-area">{area}</span>
        </Link>
        <NavLinks links={links} label="Main" />
        <div className="who">
          <span>
            <span className="who-name">{user}</span>
            <span className="who-context" title={context}>
              {" "}
              · {context}
            </span>
          </span>
          <form action="/signout" method="post">
            <button type="submit" className="button button-secondary button-small">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main className="content" id="main">
        {children}
      </main>
      <ToastRegion />
      <KeyboardShortcuts />
    </div>
  );
}

// The pages reached from a link without the app's navigation: sign-in, the mailbox, a
// customer's view of one work order.
export function PlainShell({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand">
          Fieldgate
        </Link>
      </header>
      <main className="content" id="main">
        {children}
      </main>
      <ToastRegion />
    </div>
  );
}
