import { notFound } from "next/navigation";
import { MailboxView } from "@/components/email/mailbox-view";
import { currentMailboxAccess } from "@/lib/email/mailbox-access";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mailbox · Fieldgate", referrer: "no-referrer" };

export default async function StaffMailboxPage({
  searchParams,
}: {
  searchParams: Promise<{ to?: string; id?: string }>;
}) {
  const [access, { to, id }] = await Promise.all([currentMailboxAccess(), searchParams]);
  if (!access) notFound();
  return <MailboxView access={access} path="/staff/mailbox" to={to} id={id} />;
}
