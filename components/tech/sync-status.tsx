import { useEffect, useState } from "react";
import type { TSyncReport } from "@/lib/offline/sync-engine";
import { readStorageHealth, STORAGE_NEARLY_FULL, type TStorageHealth } from "@/lib/offline/storage-health";
import type { TTechData } from "./use-tech-data";

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

// Always visible: what is waiting to be sent, when the phone last synced, what failed
// (with a retry), and whether the phone's storage can be trusted with the work.
export function SyncStatus({
  data,
  report,
  syncing,
  onRetry,
}: {
  data: TTechData;
  report: TSyncReport | null;
  syncing: boolean;
  onRetry: () => void;
}) {
  const [health, setHealth] = useState<TStorageHealth>({ persisted: null, usedFraction: null });
  const [online, setOnline] = useState(true);
  useEffect(() => {
    void readStorageHealth().then(setHealth);
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, [data.pending]);

  const waiting = data.pending + data.pendingPhotos;
  // One state at a time: while a sync runs, the last one's failure is no longer news.
  const failed = report && !report.ok && !syncing && online;
  const changes = `${waiting} change${waiting === 1 ? "" : "s"}`;
  const state = !data.loaded
    ? "Reading this phone…"
    : syncing && online
      ? waiting
        ? `Sending ${changes}…`
        : "Syncing…"
      : failed
        ? waiting
          ? `Sync failed · ${changes} waiting`
          : "Sync failed"
        : waiting === 0
          ? "All changes synced"
          : `${changes} waiting to sync`;
  return (
    <section className="sync-status" aria-label="Sync status" data-testid="sync-status">
      <p>
        <strong data-testid="pending-count">{state}</strong>
        {!online && <span className="badge badge-warning">Offline</span>}
        <span className="muted" data-testid="last-synced">
          Last synced {data.lastSyncedAt ? time.format(new Date(data.lastSyncedAt)) : "never"}
        </span>
      </p>
      {failed && (
        <p className="alert alert-error" role="alert">
          Sync failed: {report.error}{" "}
          <button type="button" className="button button-secondary" onClick={onRetry}>
            Retry now
          </button>
        </p>
      )}
      {report?.signedOut && (
        <p className="alert alert-error">
          Your sign-in has ended. Open the latest link from your email; your unsynced work stays on this phone.
        </p>
      )}
      {data.attention.length > 0 && (
        <p className="alert alert-info">
          {data.attention.length} change(s) need your attention: open the task to see them.
        </p>
      )}
      {data.failedPhotos > 0 && (
        <p className="alert alert-error">{data.failedPhotos} photo(s) were refused by the server.</p>
      )}
      {health.persisted === false && waiting > 0 && (
        <p className="flag">
          This browser may clear unsynced work if the phone runs low on space. Add the app to your home screen to keep
          it safe.
        </p>
      )}
      {health.usedFraction !== null && health.usedFraction > STORAGE_NEARLY_FULL && (
        <p className="alert alert-error">
          The phone&apos;s storage for this app is nearly full: sync before taking more photos.
        </p>
      )}
    </section>
  );
}
