import "server-only";
import pg from "pg";
import type { PrismaClient } from "@/generated/prisma/client";
import { isDemoMode } from "@/lib/auth/demo";
import { pgConfigFromUrl } from "@/lib/database/pg-config";
import { removeOldSessions } from "@/lib/auth/user-sessions";
import { deliverOutbox, eraseExpiredMailboxLinks } from "@/lib/email/deliver-outbox";
import { removeStaleRateLimits } from "@/lib/rate-limit";
import { removeOldCspReports } from "@/lib/security/record-csp-report";

// Background work for every app instance. Each job claims its rows with
// FOR UPDATE SKIP LOCKED, so running it on several instances at once is safe. Jobs run on
// an interval and at once when a transaction that created work commits (pg_notify).
export const WAKE_CHANNEL = "fieldgate_jobs";

type TJob = { name: string; intervalMs: number; run: (db: PrismaClient) => Promise<unknown> };

export const JOBS: TJob[] = [
  { name: "outbox", intervalMs: 5000, run: async (db) => deliverOutbox(db, { keepMailboxLinks: await isDemoMode() }) },
  { name: "mailbox-links", intervalMs: 60_000, run: eraseExpiredMailboxLinks },
  // Housekeeping: ended sessions, old rate-limit counters and CSP reports.
  { name: "housekeeping", intervalMs: 3_600_000, run: () => Promise.all([removeOldSessions(), removeStaleRateLimits(), removeOldCspReports()]) },
];

export type TJobRunner = { stop: () => Promise<void>; runNow: (name: string) => Promise<void> };

export async function startJobRunner(db: PrismaClient, databaseUrl: string, jobs: TJob[] = JOBS): Promise<TJobRunner> {
  let stopped = false;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const timers: NodeJS.Timeout[] = [];

  const runNow = (name: string): Promise<void> => {
    const job = jobs.find((j) => j.name === name);
    if (!job || stopped) return Promise.resolve();
    const current = running.get(name);
    if (current) {
      again.add(name);
      return current;
    }
    const run = job
      .run(db)
      .then(() => undefined)
      .catch((error) => console.error(`[jobs] ${name} failed:`, error))
      .finally(() => {
        running.delete(name);
        if (again.delete(name)) void runNow(name);
      });
    running.set(name, run);
    return run;
  };

  for (const job of jobs) {
    timers.push(setInterval(() => void runNow(job.name), job.intervalMs));
    void runNow(job.name);
  }

  const listener = new pg.Client(pgConfigFromUrl(databaseUrl));
  listener.on("error", (error) => console.error("[jobs] listener error:", error.message));
  listener.on("notification", (message) => {
    if (message.payload) void runNow(message.payload);
  });
  await listener.connect();
  await listener.query(`LISTEN ${WAKE_CHANNEL}`);

  return {
    runNow,
    stop: async () => {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.allSettled(running.values());
      await listener.end().catch(() => undefined);
    },
  };
}
