import "server-only";
import { isDemoMode } from "@/lib/auth/demo";
import { currentStaffActor } from "@/lib/auth/session";
import { decideMailboxAccess, type TMailboxAccess } from "@/lib/authz/mailbox";
import { emailProviderConfigured } from "@/lib/env";

// The facts the mailbox rule needs, for the current request; lib/authz decides.
export async function currentMailboxAccess(): Promise<TMailboxAccess | null> {
  if (emailProviderConfigured()) return null;
  const [demoMode, staff] = await Promise.all([isDemoMode(), currentStaffActor()]);
  return decideMailboxAccess({ providerConfigured: false, demoMode, staff });
}
