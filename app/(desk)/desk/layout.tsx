import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import type { TDeskActor } from "@/lib/auth/actor";
import { requireDeskActor } from "@/lib/auth/session";
import { deskCan } from "@/lib/authz/permissions";

// Admins land on people; office people may only read the profile and accreditations.
function companyLink(actor: TDeskActor) {
  if (deskCan(actor, "company.manage")) return [{ href: "/desk/company", label: "Company" }];
  if (deskCan(actor, "company.read")) return [{ href: "/desk/company/profile", label: "Company" }];
  return [];
}

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const actor = await requireDeskActor();
  return (
    <AppShell
      area="Desk"
      user={actor.name}
      context={actor.companies.map((c) => c.companyName).join(", ")}
      links={[
        { href: "/desk", label: "Tasks" },
        ...(deskCan(actor, "quote.answer") ? [{ href: "/desk/quotes", label: "Quotes" }] : []),
        ...(deskCan(actor, "invoice.read") ? [{ href: "/desk/invoices", label: "Invoices" }] : []),
        { href: "/desk/reports", label: "Reports" },
        ...companyLink(actor),
        { href: "/desk/preferences", label: "My preferences" },
      ]}
    >
      {children}
    </AppShell>
  );
}
