import "server-only";
import { isDemoMode } from "@/lib/auth/demo";
import { currentStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";

// The mailbox shows every email of the installation: admins only, or anyone while the
// installation runs on demo data.
export async function canReadMailbox(): Promise<boolean> {
  if (await isDemoMode()) return true;
  const staff = await currentStaffActor();
  return !!staff && staffCan(staff, "mailbox.read");
}
