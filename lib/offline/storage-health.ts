import { getMeta, setMeta, type OfflineDatabase } from "./database";

export type TStorageHealth = { persisted: boolean | null; usedFraction: number | null };

// Browsers may clear a site's storage under pressure unless it is persistent: ask once,
// after the first saved action (browsers grant it more readily to an app in use).
export async function requestPersistenceOnce(db: OfflineDatabase): Promise<void> {
  if (typeof navigator === "undefined" || !navigator.storage?.persist) return;
  if (await getMeta<boolean>(db, "persistRequested")) return;
  await setMeta(db, "persistRequested", true);
  await navigator.storage.persist().catch(() => false);
}

export async function readStorageHealth(): Promise<TStorageHealth> {
  if (typeof navigator === "undefined" || !navigator.storage) return { persisted: null, usedFraction: null };
  const [persisted, estimate] = await Promise.all([
    navigator.storage.persisted?.().catch(() => null) ?? null,
    navigator.storage.estimate?.().catch(() => null) ?? null,
  ]);
  const usedFraction = estimate?.quota ? (estimate.usage ?? 0) / estimate.quota : null;
  return { persisted, usedFraction };
}

export const STORAGE_NEARLY_FULL = 0.9;
