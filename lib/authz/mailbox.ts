import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TStaffActor } from "@/lib/auth/actor";
import { staffCan } from "./permissions";

// Who may read the built-in mailbox, and what of it:
// - an email provider is configured: nobody (email has left the installation);
// - demo mode (no provider): everyone, everything, links usable until they expire, since
//   the mailbox is how a demo's personas receive their email;
// - otherwise: an organisation's admins, the email sent on its behalf, every link hidden.
export type TMailboxAccess =
  { kind: "everything"; links: "usable" } | { kind: "organisation"; organisationId: string; links: "hidden" };

export function decideMailboxAccess(facts: {
  providerConfigured: boolean;
  demoMode: boolean;
  staff: TStaffActor | null;
}): TMailboxAccess | null {
  if (facts.providerConfigured) return null;
  if (facts.demoMode) return { kind: "everything", links: "usable" };
  if (facts.staff && staffCan(facts.staff, "mailbox.read"))
    return { kind: "organisation", organisationId: facts.staff.organisationId, links: "hidden" };
  return null;
}

export function mailboxScope(access: TMailboxAccess): Prisma.EmailOutboxWhereInput {
  return access.kind === "everything" ? {} : { organisationId: access.organisationId };
}
