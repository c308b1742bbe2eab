import type { TSyncEngine, TSyncReport } from "./sync-engine";

const PERIOD_MS = 30_000;
const MAX_BACKOFF_MS = 5 * 60_000;

// When the app syncs: at start, when the network comes back, when the app comes to the
// front, after each action (`kick`), and every 30 s; after a failure it waits longer
// each time (up to 5 minutes) unless one of the events above says to try now. It never
// relies on the Background Sync API, which Safari and Firefox lack.
export function createAutoSync(engine: TSyncEngine) {
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = true;
  let onReport: (report: TSyncReport) => void = () => {};
  let onStart: () => void = () => {};

  async function run() {
    clearTimeout(timer);
    if (stopped) return;
    onStart();
    const report = await engine.syncNow();
    onReport(report);
    failures = report.ok ? 0 : failures + 1;
    const delay = report.ok ? PERIOD_MS : Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** Math.min(failures, 8));
    if (!stopped) timer = setTimeout(run, delay);
  }
  const now = () => void run();
  const onVisible = () => document.visibilityState === "visible" && now();

  return {
    // starting: each run begins, so a page never shows the last run's answer as current.
    start(listener: (report: TSyncReport) => void, starting: () => void = () => {}) {
      onReport = listener;
      onStart = starting;
      stopped = false;
      window.addEventListener("online", now);
      document.addEventListener("visibilitychange", onVisible);
      now();
    },
    // After each action; before start() the first run picks the action up anyway.
    kick: now,
    stop() {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("online", now);
      document.removeEventListener("visibilitychange", onVisible);
    },
  };
}
