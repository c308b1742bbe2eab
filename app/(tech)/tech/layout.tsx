import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requireTechActor } from "@/lib/auth/session";

export const metadata = { title: "My tasks · Fieldgate" };

export default async function TechLayout({ children }: { children: ReactNode }) {
  const actor = await requireTechActor();
  return (
    <AppShell area="Technician" user={actor.name} context="" links={[{ href: "/tech", label: "My tasks" }]}>
      {children}
    </AppShell>
  );
}
