import type { TSyncEngine, TSyncReport } from "./sync-engine";

// Once all is sent: a sync every 30 s picks up the office's changes.
export const PERIOD_MS = 30_000;
// With changes waiting and no network: a tiny request every 5 s (no database, no session),
// so everything waiting is synced within 10 s of the signal returning, the sync itself
// included (phones often get no `online` event when the signal is lost or found upstream
// of their own link). Every 10 s would leave a sync starting up to 10 s late.
export const PROBE_MS = 5_000;
// Only the server's own failures (5xx, 429) earn a growing wait, up to 5 minutes.
const SERVER_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 5 * 60_000;

export type TTimers = {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
};
const realTimers: TTimers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (timer) => globalThis.clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export type TAutoSyncOptions = {
  // Can the server be reached? A tiny request, no database work.
  reachable: () => Promise<boolean>;
  // Does anything wait to be sent (changes or photos)?
  waiting: () => Promise<boolean>;
  timers?: TTimers;
};

// When the app syncs: at start, when the network comes back, when the app comes to the
// front, after each action (`kick`), every 30 s, and, while changes wait with no network,
// as soon as a probe finds the server again. It never relies on the Background Sync
// API, which Safari and Firefox lack.
export function createAutoSync(engine: TSyncEngine, options: TAutoSyncOptions) {
  const timers = options.timers ?? realTimers;
  let serverFailures = 0;
  let timer: unknown;
  let stopped = true;
  let onReport: (report: TSyncReport) => void = () => {};
  let onStart: () => void = () => {};

  const schedule = (run: () => void, ms: number) => {
    timers.clearTimeout(timer);
    if (!stopped) timer = timers.setTimeout(run, ms);
  };

  async function run() {
    timers.clearTimeout(timer);
    if (stopped) return;
    onStart();
    const report = await engine.syncNow();
    onReport(report);
    serverFailures = report.ok || report.offline ? 0 : serverFailures + 1;
    if (report.ok) return schedule(now, PERIOD_MS);
    if (report.offline) return schedule(probe, PROBE_MS);
    schedule(now, Math.min(MAX_BACKOFF_MS, SERVER_BACKOFF_MS * 2 ** Math.min(serverFailures, 8)));
  }

  // Offline: sync the moment the server answers. With nothing waiting, asking every 30 s
  // is enough.
  async function probe() {
    if (stopped) return;
    if (await options.reachable().catch(() => false)) return void run();
    schedule(probe, (await options.waiting().catch(() => true)) ? PROBE_MS : PERIOD_MS);
  }

  const now = () => void run();
  const onVisible = () => document.visibilityState === "visible" && now();

  return {
    // starting: each run begins, so a page never shows the last run's answer as current.
    start(listener: (report: TSyncReport) => void, starting: () => void = () => {}) {
      onReport = listener;
      onStart = starting;
      stopped = false;
      if (typeof window !== "undefined") {
        window.addEventListener("online", now);
        document.addEventListener("visibilitychange", onVisible);
      }
      now();
    },
    // After each action; before start() the first run picks the action up anyway.
    kick: now,
    stop() {
      stopped = true;
      timers.clearTimeout(timer);
      if (typeof window !== "undefined") {
        window.removeEventListener("online", now);
        document.removeEventListener("visibilitychange", onVisible);
      }
    },
  };
}
