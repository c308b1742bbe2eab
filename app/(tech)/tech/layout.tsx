import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { TECH_THEME_COLOR } from "@/components/pwa/app-colors";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";
import { requireTechActor } from "@/lib/auth/session";

// Icons replace the root layout's whole `icons` entry, so the favicon is repeated here.
export const metadata: Metadata = {
  title: "My tasks · Fieldgate",
  icons: { icon: "/favicon.svg", apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "Fieldgate" },
};
export const viewport: Viewport = { themeColor: TECH_THEME_COLOR };

export default async function TechLayout({ children }: { children: ReactNode }) {
  const actor = await requireTechActor();
  return (
    <AppShell area="Technician" user={actor.name} context="" links={[{ href: "/tech", label: "My tasks" }]}>
      <RegisterServiceWorker />
      {children}
    </AppShell>
  );
}
