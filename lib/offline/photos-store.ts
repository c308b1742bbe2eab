import { toStoredBytes, type OfflineDatabase, type TStoredPhoto } from "./database";

export type TPhotoToStore = { taskId: string; serviceTaskId?: string; defectId?: string; photo: Blob; thumbnail: Blob };

// A resized photo is kept on the device until the server has it; the photo's bytes are
// dropped after upload, the thumbnail stays for the UI. The bytes are read out of the
// Blobs first: an IndexedDB transaction ends at the first await on anything else, so a
// caller's transaction takes photos already made storable.
export async function storablePhoto(photo: TPhotoToStore): Promise<TStoredPhoto> {
  const [content, thumbnail] = await Promise.all([toStoredBytes(photo.photo), toStoredBytes(photo.thumbnail)]);
  return {
    photoId: crypto.randomUUID(),
    taskId: photo.taskId,
    serviceTaskId: photo.serviceTaskId,
    defectId: photo.defectId,
    content,
    thumbnail,
    state: "pending",
    attempts: 0,
    createdAt: new Date().toISOString(),
  };
}

export async function savePhoto(db: OfflineDatabase, photo: TPhotoToStore): Promise<TStoredPhoto> {
  const stored = await storablePhoto(photo);
  await db.photos.add(stored);
  return stored;
}
