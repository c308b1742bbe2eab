// Next.js calls register() once per server instance: say which mode it runs in, then
// start the job worker (unless JOBS=off: workers then run on their own, `npm run worker`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The dev server can call register() again after a reload; once per process.
  const holder = globalThis as unknown as { fieldgateStarted?: boolean };
  if (holder.fieldgateStarted) return;
  holder.fieldgateStarted = true;
  const { env, requireDatabaseUrl } = await import("@/lib/env");
  const { runtimeReport } = await import("@/lib/runtime-report");
  // An instance starts even while its database is down (it answers 503 until it is back).
  try {
    const report = await runtimeReport();
    for (const line of report.info) console.log(line);
    for (const line of report.warnings) console.warn(`Warning: ${line}`);
  } catch (error) {
    console.warn(`Warning: the start-up report could not read the database: ${(error as Error).message}`);
  }
  if (env.JOBS === "off") return;
  const { startJobWorker } = await import("@/lib/jobs/start-job-worker");
  const { onShutdown } = await import("@/lib/shutdown");
  const worker = await startJobWorker({
    databaseUrl: requireDatabaseUrl(),
    schema: env.JOBS_SCHEMA,
    concurrency: env.JOBS_CONCURRENCY,
  });
  onShutdown("jobs", "job runner", (deadline) => worker.stop(deadline));
}
