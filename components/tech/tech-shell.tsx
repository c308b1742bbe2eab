import { useMemo } from "react";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";
import { openOfflineDatabase } from "@/lib/offline/database";
import { SignOutButton } from "./sign-out-button";
import { TechApp } from "./tech-app";

// The technician app's frame, as the other areas' AppShell draws it, without Next.js: the
// app is its own bundle (scripts/build-tech-app.ts).
export function TechShell({ userId, userName }: { userId: string; userName: string }) {
  const db = useMemo(() => openOfflineDatabase(userId), [userId]);
  return (
    <div className="shell tech-shell">
      <header className="topbar topbar-compact">
        <a href="/tech" className="brand">
          Fieldgate <span className="brand-area">Technician</span>
        </a>
        <nav aria-label="Main">
          <a href="/tech#/">My tasks</a>
        </nav>
        <div className="who">
          {/* Your name opens your own settings, as in the apps technicians know. */}
          <a href="/tech#/me" className="who-name who-link" aria-label={`${userName}: my settings`}>
            {userName}
          </a>
          <SignOutButton db={db} />
        </div>
      </header>
      <main className="content" id="main">
        <RegisterServiceWorker />
        <TechApp db={db} userName={userName} />
      </main>
    </div>
  );
}
