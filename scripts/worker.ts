import { env, requireDatabaseUrl } from "../lib/env";
import { startJobWorker } from "../lib/jobs/start-job-worker";

// `npm run worker`: the background jobs on their own, apart from the web instances (which
// then run with JOBS=off). Any number of workers may run; each job runs on one at a time.
// Runs under Node's react-server condition, as the app's server code expects.
const worker = await startJobWorker({
  databaseUrl: requireDatabaseUrl(),
  schema: env.JOBS_SCHEMA,
  concurrency: env.JOBS_CONCURRENCY,
});
console.log(`Fieldgate worker running ${env.JOBS_CONCURRENCY} job(s) at a time (schema ${env.JOBS_SCHEMA})`);

let stopping = false;
// Told to stop: no new jobs, running ones finish within the grace period (then they are
// released for another worker), the worker's row goes, and it exits 0.
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await worker.stop(Date.now() + Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000));
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
