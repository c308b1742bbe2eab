import { TECH_SHELL_CACHE } from "@/lib/tech-app/shell-cache";
import type { OfflineDatabase } from "./database";

// Work that has not reached the office: changes not accepted yet and photos not uploaded.
export async function countUnsent(db: OfflineDatabase): Promise<number> {
  const [changes, photos] = await Promise.all([
    db.outbox.count(),
    db.photos.where("state").anyOf("pending", "failed").count(),
  ]);
  return changes + photos;
}

// Before signing out: the cached page (which names the person) goes, so the phone no
// longer opens their app offline. Their tasks and documents go too, unless something has
// not been sent (countUnsent): that stays, in their own database, until they sign in again.
export async function forgetDevice(db: OfflineDatabase, unsent: number): Promise<void> {
  if (typeof caches !== "undefined") await caches.delete(TECH_SHELL_CACHE);
  if (unsent === 0) await db.delete({ disableAutoOpen: true });
}
