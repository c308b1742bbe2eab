import type { OfflineDatabase } from "./database";

// Work that has not reached the office: changes not accepted yet and photos not uploaded.
export async function countUnsent(db: OfflineDatabase): Promise<number> {
  const [changes, photos] = await Promise.all([
    db.outbox.count(),
    db.photos.where("state").anyOf("pending", "failed").count(),
  ]);
  return changes + photos;
}

export async function hasUnsentWork(db: OfflineDatabase): Promise<boolean> {
  return (
    (await db.outbox.where("state").equals("pending").count()) +
      (await db.photos.where("state").equals("pending").count()) >
    0
  );
}
