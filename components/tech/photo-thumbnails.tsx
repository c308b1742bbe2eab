import { useEffect, useMemo } from "react";
import { toBlob, type OfflineDatabase, type TStoredPhoto } from "@/lib/offline/database";
import { useLiveQuery } from "./use-live-query";

// Photos taken on this phone for one service task or defect, with their upload state.
export function PhotoThumbnails({
  db,
  taskId,
  serviceTaskId,
  defectId,
}: {
  db: OfflineDatabase;
  taskId: string;
  serviceTaskId?: string;
  defectId?: string;
}) {
  const photos = useLiveQuery(
    () =>
      db.photos
        .where("taskId")
        .equals(taskId)
        .filter((p) => (serviceTaskId ? p.serviceTaskId === serviceTaskId : p.defectId === defectId))
        .sortBy("createdAt"),
    [db, taskId, serviceTaskId, defectId],
    [] as TStoredPhoto[],
  );
  const urls = useMemo<Record<string, string>>(
    () => Object.fromEntries(photos.map((p) => [p.photoId, URL.createObjectURL(toBlob(p.thumbnail))])),
    [photos],
  );
  useEffect(() => () => Object.values(urls).forEach((url) => URL.revokeObjectURL(url)), [urls]);
  if (photos.length === 0) return null;
  return (
    <ul className="thumbnails" aria-label="Photos">
      {photos.map((photo) => (
        <li key={photo.photoId} data-state={photo.state}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a local blob: thumbnail */}
          {urls[photo.photoId] && <img src={urls[photo.photoId]} alt="Photo taken on site" width={80} height={80} />}
          <small>
            {photo.state === "uploaded"
              ? "Sent"
              : photo.state === "failed"
                ? `Refused: ${photo.lastError}`
                : "Waiting to send"}
          </small>
        </li>
      ))}
    </ul>
  );
}
