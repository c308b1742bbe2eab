import { notFound, redirect } from "next/navigation";
import { MailboxView } from "@/components/email/mailbox-view";
import { currentDeskActor, currentStaffActor } from "@/lib/auth/session";
import { currentMailboxAccess } from "@/lib/email/mailbox-access";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mailbox · Fieldgate", referrer: "no-referrer" };

// A demo's mailbox for whoever is not signed in to the dashboard; staff read it inside
// their own navigation at /staff/mailbox.
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string; id?: string }> }) {
  const [access, staff, desk, { to, id }] = await Promise.all([
    currentMailboxAccess(),
    currentStaffActor(),
    currentDeskActor(),
    searchParams,
  ]);
  if (!access) notFound();
  if (staff) {
    const query = new URLSearchParams({ ...(to ? { to } : {}), ...(id ? { id } : {}) }).toString();
    redirect(`/staff/mailbox${query ? `?${query}` : ""}`);
  }
  const back = desk ? { href: "/desk", label: "Back to tasks" } : { href: "/signin", label: "Back to sign in" };
  return <MailboxView access={access} path="/mailbox" to={to} id={id} back={back} />;
}
