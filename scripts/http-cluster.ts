import cluster, { type Worker } from "node:cluster";

// `npm start` with WEB_CONCURRENCY=N: N server processes share the port (node:cluster hands
// each new connection to one of them). One Node process renders pages on one core, so this
// is how an instance uses a machine's cores. Everything the processes share lives in
// PostgreSQL (sessions, rate limits, the job queue, live changes by LISTEN/NOTIFY), so any
// of them answers any request. One process runs the job worker, as a single process would
// (unless JOBS=off); the others only serve.
// A stop signal goes to every process, which finishes what it is doing (scripts/http-server.ts);
// this one exits once they all have, 0 unless one of them failed. A process that ends on
// its own is replaced, with the same role; one that cannot start stops them all (a bad
// setting would only fail again).
export async function superviseServerProcesses(count: number): Promise<never> {
  const runsJobs = new Map<Worker, boolean>();
  let stopping = false;
  let exitCode = 0;

  const stopAll = (signal: NodeJS.Signals, code: number) => {
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    if (runsJobs.size === 0) process.exit(exitCode);
    for (const worker of runsJobs.keys()) worker.process.kill(signal);
  };

  const start = (jobs: boolean) => {
    const worker = cluster.fork(jobs ? {} : { JOBS: "off" });
    let listening = false;
    runsJobs.set(worker, jobs);
    worker.once("listening", () => (listening = true));
    worker.once("exit", (code, signal) => {
      runsJobs.delete(worker);
      if (stopping) {
        if (code !== 0) exitCode = 1;
        if (runsJobs.size === 0) process.exit(exitCode);
      } else if (!listening) {
        console.error(`[cluster] a server process could not start (${signal ?? `exit ${code}`}): stopping`);
        stopAll("SIGTERM", 1);
      } else {
        console.error(
          `[cluster] server process ${worker.process.pid} ended (${signal ?? `exit ${code}`}): starting another`,
        );
        start(jobs);
      }
    });
  };

  console.log(`[cluster] ${count} server processes share the port`);
  for (let index = 0; index < count; index++) start(index === 0);
  process.on("SIGTERM", () => stopAll("SIGTERM", 0));
  process.on("SIGINT", () => stopAll("SIGINT", 0));
  return new Promise<never>(() => undefined);
}
