// npm run test:sync-faults -- [--runs N] [--seed S] [--concurrency C]
//
// Drives the technician app's real sync engine (the same Dexie code, on fake-indexeddb)
// against the real server apply function and PostgreSQL through a network that drops,
// repeats, reorders and replays requests and closes the app mid-sync, for N seeded random
// schedules (schedule i plays seed S + i). Each schedule must end with every mutation
// recorded exactly once, its effects made once, each task's mutations applied in order,
// and an empty outbox soon after the network is healthy again. A failure prints its seed
// and schedule; `--runs 1 --seed <seed>` plays it again. Ends with `N passed, N failed`.
import "fake-indexeddb/auto";
import { parseArgs } from "node:util";
import { prepareTestDatabase } from "../test-database";

const USAGE = "Usage: npm run test:sync-faults -- [--runs N] [--seed S] [--concurrency C]";
const SCHEDULE_LIMIT_MS = 120_000;

function readOptions() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "1000" },
      seed: { type: "string" },
      concurrency: { type: "string", default: "3" },
    },
  });
  const whole = (name: string, value: string, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} must be a whole number from ${min} to ${max}, not "${value}".`);
    return n;
  };
  return {
    runs: whole("runs", values.runs, 1, 1_000_000),
    seed: values.seed === undefined ? Math.floor(Math.random() * 2 ** 32) : whole("seed", values.seed, 0, 2 ** 32 - 1),
    concurrency: whole("concurrency", values.concurrency, 1, 32),
  };
}

let options: ReturnType<typeof readOptions>;
try {
  options = readOptions();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  process.exit(2);
}

const database = await prepareTestDatabase();
process.env.DATABASE_URL = database.databaseUrl;
process.env.JOBS = "off";
process.env.STORAGE_DIR ??= "data/test-files";

// App modules read the environment when first loaded, so they come after it is set.
const { db } = await import("@/lib/db");
const { FAULTS, noFaults } = await import("./faulty-network");
const { createSharedWorld, runSchedule } = await import("./run-schedule");
const { describeSchedule, planSchedule } = await import("./schedule");
type TScheduleRun = Awaited<ReturnType<typeof runSchedule>>;

const { runs, seed, concurrency } = options;
console.log(`sync fault test: ${runs} schedules from seed ${seed}, ${concurrency} at a time`);
const started = Date.now();
const world = await createSharedWorld();
const faults = noFaults();
const outcomes = { applied: 0, conflict: 0, rejected: 0, retry: 0 };
const serverErrors = new Map<string, number>();
let mutations = 0;
let slowestQuietMs = 0;
let passed = 0;
let failed = 0;

function withinLimit(run: Promise<TScheduleRun>): Promise<TScheduleRun> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(
        () => reject(new Error(`the schedule did not finish within ${SCHEDULE_LIMIT_MS / 1000} s`)),
        SCHEDULE_LIMIT_MS,
      )),
  );
  return Promise.race([run, limit]).finally(() => clearTimeout(timer));
}

function report(scheduleSeed: number, failures: string[], trace: string[]) {
  const lines = [
    `\nFAILED ${describeSchedule(planSchedule(scheduleSeed))}`,
    ...failures.map((failure) => `  ✗ ${failure}`),
    `  faults injected (${trace.length}):`,
    ...trace.slice(0, 60).map((line) => `    ${line}`),
    ...(trace.length > 60 ? [`    … ${trace.length - 60} more`] : []),
    `  replay: npm run test:sync-faults -- --runs 1 --seed ${scheduleSeed}`,
  ];
  console.log(lines.join("\n"));
}

let next = 0;
async function worker() {
  while (next < runs) {
    const scheduleSeed = (seed + next++) >>> 0;
    try {
      const run = await withinLimit(runSchedule(world, planSchedule(scheduleSeed)));
      for (const fault of FAULTS) faults[fault] += run.faults[fault];
      for (const [message, count] of run.serverErrors)
        serverErrors.set(message, (serverErrors.get(message) ?? 0) + count);
      for (const outcome of Object.keys(outcomes) as (keyof typeof outcomes)[])
        outcomes[outcome] += run.outcomes[outcome];
      mutations += run.mutations;
      slowestQuietMs = Math.max(slowestQuietMs, run.quietMs);
      if (run.failures.length === 0) passed++;
      else {
        failed++;
        report(scheduleSeed, run.failures, run.trace);
      }
    } catch (error) {
      failed++;
      report(scheduleSeed, [`crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`], []);
    }
    const done = passed + failed;
    if (done % 100 === 0 && done < runs)
      console.log(`  ${done}/${runs} schedules, ${failed} failed, ${Math.round((Date.now() - started) / 1000)} s`);
  }
}
await Promise.all(Array.from({ length: Math.min(concurrency, runs) }, worker));

console.log(`faults injected: ${FAULTS.map((fault) => `${fault} ${faults[fault]}`).join(", ")}`);
console.log(
  `mutations: ${mutations}, recorded ${Object.entries(outcomes)
    .map(([outcome, n]) => `${outcome} ${n}`)
    .join(", ")}; slowest return to quiet ${slowestQuietMs} ms`,
);
for (const [message, count] of serverErrors) console.log(`server error (the device saw a 500) ×${count}: ${message}`);
console.log(`wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
// A long run in which some fault never fired has not tested what it claims to.
const neverInjected = runs >= 200 ? FAULTS.filter((fault) => fault !== "server_error" && faults[fault] === 0) : [];
if (neverInjected.length) console.log(`✗ never injected in ${runs} schedules: ${neverInjected.join(", ")}`);
await db.$disconnect();
await database.stop();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || neverInjected.length ? 1 : 0);
