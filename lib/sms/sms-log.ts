import "server-only";
import { isDemoMode } from "@/lib/auth/demo";
import { currentStaffActor } from "@/lib/auth/session";
import { decideMailboxAccess, type TMailboxAccess } from "@/lib/authz/mailbox";
import { db } from "@/lib/db";
import { smsProviderConfigured } from "@/lib/env";

// Texts never leave an installation without an SMS provider: this log is where they are
// read, under the mailbox's rule (lib/authz/mailbox.ts): everyone in a demo, otherwise an
// organisation's admins, their organisation's texts.
export async function currentSmsLogAccess(): Promise<TMailboxAccess | null> {
  if (smsProviderConfigured()) return null;
  const [demoMode, staff] = await Promise.all([isDemoMode(), currentStaffActor()]);
  return decideMailboxAccess({ providerConfigured: false, demoMode, staff });
}

// The newest texts in the reader's reach.
export async function listSmsLog(access: TMailboxAccess, limit = 100) {
  return db.smsOutbox.findMany({
    where: access.kind === "everything" ? {} : { organisationId: access.organisationId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, to: true, body: true, state: true, createdAt: true, sentAt: true, error: true },
  });
}
