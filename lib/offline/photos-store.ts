import type { OfflineDatabase, TStoredPhoto } from "./database";

// A resized photo is kept on the device until the server has it; the full-size blob is
// dropped after upload, the thumbnail stays for the UI.
export async function savePhoto(
  db: OfflineDatabase,
  photo: { taskId: string; serviceTaskId?: string; defectId?: string; blob: Blob; thumbnail: Blob },
): Promise<TStoredPhoto> {
  const stored: TStoredPhoto = {
    ...photo,
    photoId: crypto.randomUUID(),
    state: "pending",
    attempts: 0,
    createdAt: new Date().toISOString(),
  };
  await db.photos.add(stored);
  return stored;
}
