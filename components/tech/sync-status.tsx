import { useEffect, useState } from "react";
import type { TSyncReport } from "@/lib/offline/sync-engine";
import { readStorageHealth, STORAGE_NEARLY_FULL, type TStorageHealth } from "@/lib/offline/storage-health";
import type { TTechData } from "./use-tech-data";

const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

// "17:54" today, "5 Dec, 17:54" before.
function lastSynced(at: string | null): string {
  if (!at) return "never";
  const instant = new Date(at);
  return instant.toDateString() === new Date().toDateString() ? time.format(instant) : day.format(instant);
}

// The sync state in one line that stays in view under the top bar: what waits to be sent
// and when the phone last synced. Being offline is normal on site and is said as such;
// only the server's own failures are an alarm (with a retry). Below it, in the page,
// what needs the technician: a sign-in that ended, changes to look at, storage.
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
  const changes = `${waiting} change${waiting === 1 ? "" : "s"}`;
  const signedOut = Boolean(report?.signedOut) && !syncing;
  const offline = !online || (Boolean(report?.offline) && !syncing);
  // One state at a time: while a sync runs, the last one's failure is no longer news.
  const failed = Boolean(report && !report.ok) && !syncing && !offline && !signedOut;
  const state = !data.loaded
    ? "Reading this phone…"
    : signedOut
      ? waiting
        ? `Signed out · ${changes} waiting`
        : "Signed out"
      : offline
        ? waiting
          ? `Offline · ${changes} waiting`
          : "Offline · nothing waiting"
        : syncing
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
  const tone = signedOut || failed ? "sync-line-alarm" : offline ? "sync-line-offline" : "";
  return (
    <>
      <section className={`sync-line ${tone}`} aria-label="Sync status" data-testid="sync-status">
        <strong data-testid="pending-count" aria-live="polite">
          {state}
        </strong>
        <span className="muted" data-testid="last-synced">
          Synced {lastSynced(data.lastSyncedAt)}
        </span>
      </section>
      <div className="sync-notices">
        {failed && (
          <p className="alert alert-error" role="alert">
            Sync failed: {report!.error}{" "}
            <button type="button" className="button button-secondary" onClick={onRetry}>
              Retry now
            </button>
          </p>
        )}
        {signedOut && (
          <p className="alert alert-warning" role="alert">
            Your sign-in has ended. Open the latest link from your email to carry on; your unsynced work stays on this
            phone.
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
      </div>
    </>
  );
}
