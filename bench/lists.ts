// npm run bench:lists [-- --work-orders N] — with DATABASE_URL set. Uses the database
// fieldgate_bench_<N> on that server (N = 100,000 unless told; seeded once, see
// bench-database.ts) and times, over 200 views each:
// - the whole staff home and the Desk home of contractors with 10,000 and 100,000 tasks:
//   every statement the page runs (the session check included), as the sum of each
//   statement's time at the pg driver ("p50_ms", "p95_ms") and as the wall time of the
//   page's reads ("wall_p95_ms");
// - the single heaviest statements through the app's code and, on the bare pg driver, the
//   very same statements (rows compared whole): "raw_p95_ms" is the database's part.
// Prints one line per measure: BENCH <measure> p50_ms=<n> p95_ms=<n> …
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { pgConfigFromUrl } from "../lib/database/pg-config";
import { prepareBenchDatabase } from "./bench-database";
import { installStatementTimer, takeStatementTotals } from "./statement-timer";

const { values } = parseArgs({ options: { "work-orders": { type: "string", default: "100000" } } });
const WORK_ORDERS = Number(values["work-orders"]);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
if (!Number.isInteger(WORK_ORDERS) || WORK_ORDERS < 1) {
  console.error("--work-orders must be a positive whole number");
  process.exit(2);
}

const databaseUrl = await prepareBenchDatabase(WORK_ORDERS);
process.env.DATABASE_URL = databaseUrl;
process.env.JOBS = "off";
installStatementTimer();

// App modules read DATABASE_URL when first used, so they are loaded after it is set.
const { db } = await import("../lib/db");
const { loadDeskActor, loadStaffActor } = await import("../lib/auth/actor");
const { startUserSession } = await import("../lib/auth/user-sessions");
const { isDemoMode } = await import("../lib/auth/demo");
const { listWorkOrders, workOrderListQuery } = await import("../lib/work-orders/list-work-orders");
const { loadStaffHome } = await import("../lib/work-orders/load-staff-home");
const { ZWorkOrderListSchema } = await import("../lib/work-orders/schemas");
const { deskTaskListQuery, listDeskTasks } = await import("../lib/assignments/list-desk-tasks");
const { loadDeskHome } = await import("../lib/assignments/load-desk-home");
const { ZDeskTaskListSchema } = await import("../lib/assignments/schemas");
const { deskTaskQuery, getDeskTask } = await import("../lib/assignments/get-desk-task");
const { scaleOfficeEmail } = await import("../prisma/seed-at-scale");

// A person signed in as the page sees them: a live session, checked with the actor.
async function signedIn(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return { userId: user.id, sessionId: await startUserSession(user.id, { ip: "127.0.0.1", userAgent: "bench" }) };
}
const staff = await signedIn("alice@northwind.test");
const desks = {
  "10k": await signedIn(scaleOfficeEmail("harbour")),
  "100k": await signedIn(scaleOfficeEmail("summit")),
};
const taskCount = async (userId: string) => {
  const actor = (await loadDeskActor(userId))!;
  return db.assignment.count({ where: { contractorCompanyId: { in: actor.companies.map((c) => c.companyId) } } });
};
console.log(
  `# ${(await db.workOrder.count()).toLocaleString("en-GB")} work orders; Desk homes with ${await taskCount(desks["10k"].userId)} and ${await taskCount(desks["100k"].userId)} tasks; ${RUNS} timed views each`,
);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (n: number) => n.toFixed(1);
const sorted = (samples: number[]) => [...samples].sort((a, b) => a - b);

// A whole page's reads, as the page makes them: database time summed over its statements.
async function timePage(name: string, view: () => Promise<unknown>) {
  const [database, wall] = [[] as number[], [] as number[]];
  let statements = 0;
  for (let i = 0; i < RUNS + 20; i++) {
    takeStatementTotals();
    const started = performance.now();
    await view();
    const elapsed = performance.now() - started;
    const totals = takeStatementTotals();
    if (i < 20) continue;
    database.push(totals.ms);
    wall.push(elapsed);
    statements = totals.statements;
  }
  const [db, w] = [sorted(database), sorted(wall)];
  console.log(
    `BENCH ${name} p50_ms=${fmt(percentile(db, 50))} p95_ms=${fmt(percentile(db, 95))} wall_p95_ms=${fmt(percentile(w, 95))} statements=${statements}`,
  );
}

await timePage("staff_home", async () => {
  const actor = (await loadStaffActor(staff.userId, staff.sessionId))!;
  await Promise.all([isDemoMode(), loadStaffHome(actor, ZWorkOrderListSchema.parse({}))]);
});
for (const [size, desk] of Object.entries(desks)) {
  await timePage(`desk_home_${size}_tasks`, async () => {
    const actor = (await loadDeskActor(desk.userId, desk.sessionId))!;
    await loadDeskHome(actor, ZDeskTaskListSchema.parse({}));
  });
}

// The search box: a word found nowhere (the whole index consulted, nothing read) and one
// in about one title in twenty-five (the first page of many matches, the count capped).
for (const [name, q] of [
  ["no_match", "zqxwv"],
  ["common", "door"],
]) {
  await timePage(`staff_home_search_${name}`, async () => {
    const actor = (await loadStaffActor(staff.userId, staff.sessionId))!;
    await loadStaffHome(actor, ZWorkOrderListSchema.parse({ q }));
  });
  await timePage(`desk_home_100k_tasks_search_${name}`, async () => {
    const actor = (await loadDeskActor(desks["100k"].userId, desks["100k"].sessionId))!;
    await loadDeskHome(actor, ZDeskTaskListSchema.parse({ q }));
  });
}

// ---------------------------------------------------------------- single statements

// App and raw runs alternate in short blocks, so both sides see the same machine (other
// work on it drifts over a run) while neither side's garbage is collected in the other's
// timings, except at the few block edges.
const BLOCK = 10;
async function timePair(app: () => Promise<unknown>, raw: () => Promise<unknown>): Promise<[number[], number[]]> {
  const samples: [number[], number[]] = [[], []];
  const block = async (run: () => Promise<unknown>, into?: number[]) => {
    for (let i = 0; i < BLOCK; i++) {
      const started = performance.now();
      await run();
      into?.push(performance.now() - started);
    }
  };
  for (let warmUp = 0; warmUp < 2; warmUp++) {
    await block(app);
    await block(raw);
  }
  while (samples[0].length < RUNS) {
    await block(app, samples[0]);
    await block(raw, samples[1]);
  }
  return [sorted(samples[0]), sorted(samples[1])];
}

// The raw side runs the app's own statements (the same builders) on the bare driver, so
// the difference is what the app adds on top of the database's work. Timestamps without
// a zone hold UTC, as Prisma writes them.
const raw = new pg.Pool({
  ...pgConfigFromUrl(databaseUrl),
  max: 4,
  types: {
    getTypeParser: (oid: number, format?: string) =>
      oid === 1114
        ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
        : pg.types.getTypeParser(oid, format as "text"),
  },
});

const staffActor = (await loadStaffActor(staff.userId))!;
const deskActor = (await loadDeskActor(desks["10k"].userId))!;
// The deep page: 40 pages into completed, normal-priority work orders, newest first.
const deepFilters = ZWorkOrderListSchema.parse({ status: "COMPLETED", priority: "NORMAL" });
let deepCursor: string | undefined;
for (let page = 0; page < 40; page++)
  deepCursor = (await listWorkOrders(staffActor, { ...deepFilters, after: deepCursor })).nextCursor ?? deepCursor;
const someTask = await db.assignment.findFirstOrThrow({
  where: { contractorCompanyId: deskActor.companies[0].companyId },
  orderBy: { createdAt: "desc" },
});

type TQuery<T> = { sql: { text: string; values: unknown[] }; read: (rows: never[]) => T };
function measure<T>(name: string, app: () => Promise<T>, query: TQuery<T>) {
  const viaDriver = async () => query.read((await raw.query(query.sql.text, query.sql.values)).rows as never[]);
  return {
    name,
    app,
    raw: viaDriver,
    // Both sides must return the same rows, whole, or the comparison means nothing.
    check: async () => {
      const [fromApp, fromDriver] = [await app(), await viaDriver()];
      if (!isDeepStrictEqual(fromApp, fromDriver)) {
        console.error(`${name}: the app and the driver returned different rows`);
        console.error(JSON.stringify({ app: fromApp, driver: fromDriver }).slice(0, 2000));
        process.exit(1);
      }
    },
  };
}

// The action order's "today" is fixed for the run, so both sides read the same page.
const now = new Date();
const deepPage = { ...deepFilters, after: deepCursor };
const deskDefaults = ZDeskTaskListSchema.parse({});
const measures = [
  measure(
    "staff_list_first_page",
    () => listWorkOrders(staffActor, ZWorkOrderListSchema.parse({}), undefined, now),
    workOrderListQuery(staffActor, ZWorkOrderListSchema.parse({}), undefined, now),
  ),
  measure(
    "staff_list_deep_filtered_page",
    () => listWorkOrders(staffActor, deepPage, undefined, now),
    workOrderListQuery(staffActor, deepPage, undefined, now),
  ),
  measure(
    "contractor_dashboard",
    () => listDeskTasks(deskActor, deskDefaults, undefined, now),
    deskTaskListQuery(deskActor, deskDefaults, undefined, now),
  ),
  measure("task_page", () => getDeskTask(deskActor, someTask.id), deskTaskQuery(deskActor, someTask.id)),
];

for (const measure of measures) {
  await measure.check();
  const [app, rawSamples] = await timePair(measure.app, measure.raw);
  console.log(
    `BENCH ${measure.name} p50_ms=${fmt(percentile(app, 50))} p95_ms=${fmt(percentile(app, 95))} raw_p95_ms=${fmt(percentile(rawSamples, 95))}`,
  );
}
await raw.end();
await db.$disconnect();
