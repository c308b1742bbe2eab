import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requireDeskActor } from "@/lib/auth/session";
import { deskCompaniesAllowed } from "@/lib/authz/permissions";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const actor = await requireDeskActor();
  return (
    <AppShell area="Desk" user={actor.name} context={actor.companies.map((c) => c.companyName).join(", ")} links={[
        { href: "/desk", label: "Tasks" },
        { href: "/desk/reports", label: "Reports" },
        ...(deskCompaniesAllowed(actor, "company.manage").length ? [{ href: "/desk/company", label: "Company" }] : []),
        { href: "/desk/preferences", label: "My preferences" },
      ]}>
      {children}
    </AppShell>
  );
}
