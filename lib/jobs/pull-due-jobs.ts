import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

// The job queue waits for its own clock (the database's). When the test clock has been
// moved forward, the jobs due by it are set to run now, and the workers (polling every
// 2 s) take them as they would have at their time. Returns how many were due.
export async function pullDueJobsForward(dueBy: Date): Promise<number> {
  return db.$executeRawUnsafe(
    `UPDATE "${env.JOBS_SCHEMA}"._private_jobs SET run_at = now() WHERE run_at > now() AND run_at <= $1::timestamptz AND locked_at IS NULL`,
    dueBy,
  );
}
