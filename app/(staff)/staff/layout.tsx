import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { currentMailboxAccess } from "@/lib/email/mailbox-access";
import { currentSmsLogAccess } from "@/lib/sms/sms-log";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const [actor, mailbox, texts] = await Promise.all([
    requireStaffActor(),
    currentMailboxAccess(),
    currentSmsLogAccess(),
  ]);
  const links = [
    { href: "/staff", label: "Work orders" },
    ...(staffCan(actor, "tenantRequest.triage") ? [{ href: "/staff/tenant-requests", label: "Requests" }] : []),
    { href: "/staff/quotes", label: "Quotes" },
    { href: "/staff/sites", label: "Sites" },
    { href: "/staff/contractors", label: "Contractors" },
    ...(staffCan(actor, "invoice.read") ? [{ href: "/staff/invoices", label: "Invoices" }] : []),
    ...(mailbox ? [{ href: "/staff/mailbox", label: "Mailbox" }] : []),
    ...(texts ? [{ href: "/staff/texts", label: "Texts" }] : []),
    ...(staffCan(actor, "organisation.settings") ? [{ href: "/staff/settings", label: "Settings" }] : []),
  ];
  return (
    <AppShell
      area="Staff"
      user={actor.name}
      context={`${actor.organisationName} (${actor.role.toLowerCase()})`}
      links={links}
    >
      {children}
    </AppShell>
  );
}
