import { useEffect, useId, useRef, useState, type ChangeEvent, type CSSProperties } from "react";
import { resizePhoto, type TResizedPhoto } from "@/lib/offline/photos/resize-photo";

type TThumbnail = { url: string; width: number; height: number };
type TProgress = { done: number; total: number };

const focusRing: CSSProperties = { outline: "2px solid var(--primary)", outlineOffset: 2 };
const thumbnailList: CSSProperties = {
  display: "flex",
  flexWrap: "wrap",
  gap: "0.5rem",
  listStyle: "none",
  padding: 0,
  margin: 0,
};

// Take a photo with the camera (phones open it straight away) or choose several from the
// files; each is made small on the device before `onPhotos` gets them.
// showThumbnails={false} where the caller already lists the stored photos.
export function PhotoPicker({
  onPhotos,
  label = "Add photo",
  showThumbnails = true,
}: {
  onPhotos: (photos: TResizedPhoto[]) => void;
  label?: string;
  showThumbnails?: boolean;
}) {
  const id = useId();
  const [progress, setProgress] = useState<TProgress>({ done: 0, total: 0 });
  const [errors, setErrors] = useState<string[]>([]);
  const [thumbnails, setThumbnails] = useState<TThumbnail[]>([]);
  const [focused, setFocused] = useState<"camera" | "files" | null>(null);
  const urls = useRef<string[]>([]);

  useEffect(() => () => urls.current.forEach((url) => URL.revokeObjectURL(url)), []);

  async function addPhotos(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.currentTarget.files ?? []);
    // Cleared so that choosing the same file again still fires a change.
    event.currentTarget.value = "";
    if (files.length === 0) return;
    setErrors([]);
    setProgress((p) => ({ ...p, total: p.total + files.length }));
    const settled = await Promise.allSettled(
      files.map((file) =>
        resizePhoto(file).finally(() =>
          setProgress((p) => (p.done + 1 >= p.total ? { done: 0, total: 0 } : { ...p, done: p.done + 1 })),
        ),
      ),
    );
    const photos: TResizedPhoto[] = [];
    const failures: string[] = [];
    settled.forEach((outcome, index) => {
      if (outcome.status === "fulfilled") photos.push(outcome.value);
      else
        failures.push(
          `${files[index].name || "Photo"}: ${outcome.reason instanceof Error ? outcome.reason.message : "could not be prepared."}`,
        );
    });
    setErrors(failures);
    if (photos.length === 0) return;
    const added = photos.map((photo) => ({
      url: URL.createObjectURL(photo.thumbnail),
      width: photo.width,
      height: photo.height,
    }));
    urls.current.push(...added.map((t) => t.url));
    setThumbnails((current) => [...current, ...added]);
    onPhotos(photos);
  }

  const busy = progress.total > 0;
  const errorId = `${id}-errors`;
  return (
    <div className="field photo-picker" aria-busy={busy}>
      <div className="page-actions">
        <label
          htmlFor={`${id}-camera`}
          className="button button-primary"
          style={focused === "camera" ? focusRing : undefined}
        >
          {label}
        </label>
        <input
          id={`${id}-camera`}
          type="file"
          accept="image/*"
          capture="environment"
          className="visually-hidden"
          aria-describedby={errors.length ? errorId : undefined}
          onChange={addPhotos}
          onFocus={() => setFocused("camera")}
          onBlur={() => setFocused(null)}
        />
        <label
          htmlFor={`${id}-files`}
          className="button button-secondary"
          style={focused === "files" ? focusRing : undefined}
        >
          Choose from files
        </label>
        <input
          id={`${id}-files`}
          type="file"
          accept="image/*"
          multiple
          className="visually-hidden"
          aria-describedby={errors.length ? errorId : undefined}
          onChange={addPhotos}
          onFocus={() => setFocused("files")}
          onBlur={() => setFocused(null)}
        />
      </div>
      {/* Always in the page, so screen readers hear the first update. */}
      <p role="status" className={busy ? "muted" : "visually-hidden"}>
        {busy ? `Preparing photo ${Math.min(progress.done + 1, progress.total)} of ${progress.total}…` : ""}
      </p>
      {errors.length > 0 && (
        <div id={errorId} role="alert">
          {errors.map((message, index) => (
            <p key={index} className="field-error">
              {message}
            </p>
          ))}
        </div>
      )}
      {showThumbnails && thumbnails.length > 0 && (
        <ul style={thumbnailList} aria-label="Photos ready">
          {thumbnails.map((thumbnail, index) => (
            <li key={thumbnail.url}>
              {/* eslint-disable-next-line @next/next/no-img-element -- a blob: URL of a photo that exists only on this device */}
              <img
                src={thumbnail.url}
                alt={`Photo ${index + 1}, ${thumbnail.width} × ${thumbnail.height}`}
                style={{ width: 96, height: "auto", borderRadius: 4 }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
