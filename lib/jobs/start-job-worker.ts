import "server-only";
import { EventEmitter } from "node:events";
import { run, type TaskList, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { pgConfigFromUrl } from "@/lib/database/pg-config";
import { jobLogger } from "./job-logger";
import { beat, forget, HEARTBEAT_MS, releaseJobsOf, releaseJobsOfDeadWorkers } from "./recover-jobs";
import { cronItems } from "./schedules";
import { taskList } from "./tasks";
import { setWorkerStatus } from "./worker-status";

// stop(): no new jobs; jobs running are waited for until `deadline` (ms since the epoch),
// then released for another instance; the worker's row goes and its connections close.
export type TJobWorker = { stop: (deadline?: number) => Promise<void> };

// Runs the jobs: in each web instance (JOBS=on), or on its own (`npm run worker`). Any
// number may run against one database; each job runs on one of them at a time. Lost
// database connections are made again (graphile-worker reconnects its listener with
// backoff; the pool replaces broken connections), and jobs held by dead workers are freed.
export async function startJobWorker(options: {
  databaseUrl: string;
  schema: string;
  concurrency: number;
  // Tests run their own tasks, without the schedules.
  tasks?: TaskList;
  schedules?: boolean;
}): Promise<TJobWorker> {
  const pool = new pg.Pool({
    ...pgConfigFromUrl(options.databaseUrl),
    max: options.concurrency + 4,
    application_name: "fieldgate-jobs",
  });
  // An idle connection the server ended (a restart, a failover) must not crash the process.
  pool.on("error", (error) => console.warn(`[jobs] database connection lost: ${error.message}`));
  pool.on("connect", (client) => client.on("error", () => undefined));
  const events: WorkerEvents = new EventEmitter();
  // The ids that hold locks: each worker's (its job) and its pool's (a queue it works on).
  const workers = new Set<string>();
  events.on("pool:create", ({ workerPool }) => workers.add(workerPool.id));
  events.on("worker:create", ({ worker }) => workers.add(worker.workerId));
  events.on("worker:stop", ({ worker }) => workers.delete(worker.workerId));
  events.on("pool:listen:error", ({ error }) =>
    console.warn(`[jobs] listener lost, reconnecting: ${(error as Error)?.message ?? error}`),
  );

  const runner = await run({
    pgPool: pool,
    schema: options.schema,
    concurrency: options.concurrency,
    taskList: options.tasks ?? taskList,
    parsedCronItems: options.schedules === false ? [] : cronItems(),
    logger: jobLogger,
    events,
    noHandleSignals: true,
    pollInterval: 2000,
  });

  setWorkerStatus({ state: "running", lastBeatAt: null });
  const tick = async () => {
    try {
      await beat(pool, [...workers]);
      setWorkerStatus({ lastBeatAt: Date.now() });
      const released = await releaseJobsOfDeadWorkers(pool, options.schema);
      if (released.length)
        console.warn(`[jobs] released the jobs of ${released.length} stopped worker(s): ${released.join(", ")}`);
    } catch (error) {
      console.warn(`[jobs] heartbeat failed (will retry): ${(error as Error).message}`);
    }
  };
  void tick();
  const heartbeat = setInterval(() => void tick(), HEARTBEAT_MS);

  return {
    stop: async (deadline = Date.now() + 25_000) => {
      setWorkerStatus({ state: "stopping" });
      clearInterval(heartbeat);
      const ids = [...workers];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finished = await Promise.race([
        runner.stop().then(
          () => true,
          () => true,
        ),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now())))),
      ]);
      clearTimeout(timer);
      if (!finished) {
        console.warn(`[jobs] jobs still running at the end of the grace period: released for another instance`);
        await releaseJobsOf(pool, options.schema, ids).catch((error: Error) =>
          console.warn(`[jobs] could not release this worker's jobs: ${error.message}`),
        );
      }
      await forget(pool, ids).catch(() => undefined);
      await pool.end().catch(() => undefined);
      setWorkerStatus({ state: "off", lastBeatAt: null });
    },
  };
}
