import type pg from "pg";

// graphile-worker gives a job held by a worker that died (kill -9, a lost machine) to
// another only after four hours. Here every worker beats every few seconds; one that has
// not beaten for DEAD_AFTER_SECONDS (or never did) is dead, and what it held is released,
// so the job runs again within about half a minute. A job that runs long on a live worker
// is never taken from it.
export const HEARTBEAT_MS = 5_000;
export const DEAD_AFTER_SECONDS = 20;

export async function beat(pool: pg.Pool, workerIds: string[]): Promise<void> {
  if (workerIds.length === 0) return;
  await pool.query(
    `INSERT INTO "JobWorker" ("workerId", "beatAt") SELECT id, now() FROM unnest($1::text[]) AS id
     ON CONFLICT ("workerId") DO UPDATE SET "beatAt" = now()`,
    [workerIds],
  );
}

export async function forget(pool: pg.Pool, workerIds: string[]): Promise<void> {
  if (workerIds.length) await pool.query(`DELETE FROM "JobWorker" WHERE "workerId" = ANY($1::text[])`, [workerIds]);
}

// A stopping worker's jobs that are still running when its time is up: released at once,
// so another instance runs them now rather than after the dead-worker wait.
export async function releaseJobsOf(pool: pg.Pool, schema: string, workerIds: string[]): Promise<void> {
  if (workerIds.length) await pool.query(`SELECT "${schema}".force_unlock_workers($1::text[])`, [workerIds]);
}

// Returns the dead workers whose jobs (and queues) were released.
export async function releaseJobsOfDeadWorkers(
  pool: pg.Pool,
  schema: string,
  deadAfterSeconds = DEAD_AFTER_SECONDS,
): Promise<string[]> {
  const quoted = `"${schema}"`;
  const { rows } = await pool.query<{ lockedBy: string }>(
    `SELECT DISTINCT held."lockedBy" FROM (
       SELECT locked_by AS "lockedBy", locked_at AS "lockedAt" FROM ${quoted}._private_jobs WHERE locked_by IS NOT NULL
       UNION ALL
       SELECT locked_by, locked_at FROM ${quoted}._private_job_queues WHERE locked_by IS NOT NULL
     ) held
     WHERE held."lockedAt" < now() - make_interval(secs => $1)
       AND NOT EXISTS (SELECT 1 FROM "JobWorker" w WHERE w."workerId" = held."lockedBy" AND w."beatAt" > now() - make_interval(secs => $1))`,
    [deadAfterSeconds],
  );
  const dead = rows.map((row) => row.lockedBy);
  if (dead.length) await pool.query(`SELECT ${quoted}.force_unlock_workers($1::text[])`, [dead]);
  await pool.query(`DELETE FROM "JobWorker" WHERE "beatAt" < now() - interval '1 day'`);
  return dead;
}
