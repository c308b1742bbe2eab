import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requireDeskActor } from "@/lib/auth/session";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const actor = await requireDeskActor();
  return (
    <AppShell area="Desk" user={actor.name} context={actor.companies.map((c) => c.companyName).join(", ")} links={[{ href: "/desk", label: "Tasks" }]}>
      {children}
    </AppShell>
  );
}
