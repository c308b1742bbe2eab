import { TECH_SHELL_CACHE } from "@/lib/tech-app/shell-cache";
import type { OfflineDatabase } from "./database";

// Before signing out: the cached page (which names the person) goes, so the phone no
// longer opens their app offline. Their tasks and documents go too, unless something has
// not been sent (countUnsent): that stays, in their own database, until they sign in again.
export async function forgetDevice(db: OfflineDatabase, unsent: number): Promise<void> {
  if (typeof caches !== "undefined") await caches.delete(TECH_SHELL_CACHE);
  if (unsent === 0) await db.delete({ disableAutoOpen: true });
}
