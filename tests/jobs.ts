import { runOnce, type TaskList } from "graphile-worker";
import pg from "pg";
import { vi } from "vitest";
import { pgConfigFromUrl } from "@/lib/database/pg-config";
import { jobLogger } from "@/lib/jobs/job-logger";

// Tests run the jobs that are due at a chosen time, on demand, with the tasks they choose:
// the clock is set (Date only), the queue is worked until nothing is due, and the clock is
// given back. Nothing sleeps for real time.
export async function runDueJobs(at: Date, tasks: TaskList): Promise<void> {
  const pool = jobPool();
  vi.useFakeTimers({ toFake: ["Date"], now: at });
  try {
    await runOnce({
      pgPool: pool,
      schema: process.env.JOBS_SCHEMA,
      taskList: tasks,
      useNodeTime: true,
      noHandleSignals: true,
      logger: jobLogger,
    });
  } finally {
    vi.useRealTimers();
    await pool.end();
  }
}

export function jobPool(max = 2): pg.Pool {
  const pool = new pg.Pool({ ...pgConfigFromUrl(process.env.DATABASE_URL!), max });
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

export type TQueuedJob = {
  id: string;
  task_identifier: string;
  payload: unknown;
  run_at: Date;
  attempts: number;
  key: string | null;
  locked_by: string | null;
  queue_name: string | null;
  last_error: string | null;
};

// The jobs waiting (or running) in this test process's queue.
export async function queuedJobs(task?: string): Promise<TQueuedJob[]> {
  const pool = jobPool(1);
  try {
    const { rows } = await pool.query<TQueuedJob>(
      `SELECT j.id, t.identifier AS task_identifier, j.payload, j.run_at, j.attempts, j.key, j.locked_by, q.queue_name, j.last_error
       FROM "${process.env.JOBS_SCHEMA}"._private_jobs j
       JOIN "${process.env.JOBS_SCHEMA}"._private_tasks t ON t.id = j.task_id
       LEFT JOIN "${process.env.JOBS_SCHEMA}"._private_job_queues q ON q.id = j.job_queue_id
       WHERE $1::text IS NULL OR t.identifier = $1 ORDER BY j.id`,
      [task ?? null],
    );
    return rows;
  } finally {
    await pool.end();
  }
}
