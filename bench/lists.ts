// npm run bench:lists — with DATABASE_URL set. Seeds (once) 100,000 work orders into the
// database `fieldgate_bench` on that server, gives one contractor 10,000 tasks, then times
// the server work of the busiest pages through the app's own code and the app's very same
// statements on the bare pg driver (rows compared whole). Prints one line per measure:
//   BENCH <measure> p50_ms=<n> p95_ms=<n> raw_p95_ms=<n>
import { performance } from "node:perf_hooks";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { installJobQueue } from "../lib/jobs/install-job-queue";
import { applyMigrations, ensureDatabase } from "../lib/database/migrate";
import { pgConfigFromUrl, withDatabase } from "../lib/database/pg-config";

const WORK_ORDERS = 100_000;
const CONTRACTOR_TASKS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a PostgreSQL server; the benchmark uses its own database, fieldgate_bench.");
  process.exit(2);
}
const databaseUrl = withDatabase(process.env.DATABASE_URL, "fieldgate_bench");
process.env.DATABASE_URL = databaseUrl;
process.env.JOBS = "off";
await ensureDatabase(databaseUrl);
await applyMigrations(databaseUrl);
await installJobQueue(databaseUrl);

// App modules read DATABASE_URL when first used, so they are loaded after it is set.
const { db } = await import("../lib/db");
const { seedDemo } = await import("../prisma/seed");
const { createContractorCompany, createContractorPerson } = await import("../prisma/factories");
const { loadDeskActor, loadStaffActor } = await import("../lib/auth/actor");
const { listWorkOrders, workOrderListQuery } = await import("../lib/work-orders/list-work-orders");
const { ZWorkOrderListSchema } = await import("../lib/work-orders/schemas");
const { deskTaskListQuery, listDeskTasks } = await import("../lib/assignments/list-desk-tasks");
const { deskTaskQuery, getDeskTask } = await import("../lib/assignments/get-desk-task");

async function prepare() {
  const count = await db.workOrder.count();
  if (count < WORK_ORDERS) {
    console.log(`Seeding ${WORK_ORDERS} work orders (a few minutes, once)…`);
    await db.$executeRawUnsafe(
      `TRUNCATE "Organisation", "User", "ContractorCompany", "AccessToken", "AccessLog", "EmailOutbox", "RateLimitBucket", "SyncMutation" CASCADE`,
    );
    await seedDemo(db, { workOrders: WORK_ORDERS, log: (m) => console.log(`  ${m}`) });
  }
  const organisation = await db.organisation.findFirstOrThrow({ where: { slug: "northwind" } });
  let company = await db.contractorCompany.findFirst({ where: { name: "Bench Contractor Ltd" } });
  if (!company) {
    company = await createContractorCompany(db, [organisation.id], { name: "Bench Contractor Ltd" });
    await createContractorPerson(db, company.id, "OFFICE", { email: "bench-office@bench.test", name: "Bench Office" });
    await db.$executeRaw`UPDATE "Assignment" SET "contractorCompanyId" = ${company.id}
      WHERE "id" IN (SELECT "id" FROM "Assignment" WHERE "organisationId" = ${organisation.id} ORDER BY md5("id") LIMIT ${CONTRACTOR_TASKS})`;
    await db.$executeRawUnsafe(`ANALYZE`);
  }
  const staffUser = await db.user.findUniqueOrThrow({ where: { email: "alice@northwind.test" } });
  const deskUser = await db.user.findUniqueOrThrow({ where: { email: "bench-office@bench.test" } });
  const tasks = await db.assignment.count({ where: { contractorCompanyId: company.id } });
  return {
    staff: (await loadStaffActor(staffUser.id))!,
    desk: (await loadDeskActor(deskUser.id))!,
    companyId: company.id,
    organisationId: organisation.id,
    tasks,
  };
}

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
  return [samples[0].sort((a, b) => a - b), samples[1].sort((a, b) => a - b)];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (n: number) => n.toFixed(1);

const context = await prepare();
console.log(
  `# ${await db.workOrder.count()} work orders; contractor with ${context.tasks} tasks; ${RUNS} timed runs each`,
);
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

// The deep page: 40 pages into completed, normal-priority work orders, newest first.
const deepFilters = ZWorkOrderListSchema.parse({ status: "COMPLETED", priority: "NORMAL" });
let deepCursor: string | undefined;
for (let page = 0; page < 40; page++)
  deepCursor = (await listWorkOrders(context.staff, { ...deepFilters, after: deepCursor })).nextCursor ?? deepCursor;
const someTask = await db.assignment.findFirstOrThrow({
  where: { contractorCompanyId: context.companyId },
  orderBy: { createdAt: "desc" },
});

type TQuery<T> = { sql: { text: string; values: unknown[] }; read: (rows: never[]) => T };
type TMeasure = { name: string; app: () => Promise<unknown>; raw: () => Promise<unknown> };
function measure<T>(name: string, app: () => Promise<T>, query: TQuery<T>): TMeasure & { check: () => Promise<void> } {
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

const deepPage = { ...deepFilters, after: deepCursor };
const measures = [
  measure(
    "staff_list_first_page",
    () => listWorkOrders(context.staff, ZWorkOrderListSchema.parse({})),
    workOrderListQuery(context.staff, ZWorkOrderListSchema.parse({})),
  ),
  measure(
    "staff_list_deep_filtered_page",
    () => listWorkOrders(context.staff, deepPage),
    workOrderListQuery(context.staff, deepPage),
  ),
  measure("contractor_dashboard", () => listDeskTasks(context.desk, {}), deskTaskListQuery(context.desk, {})),
  measure("task_page", () => getDeskTask(context.desk, someTask.id), deskTaskQuery(context.desk, someTask.id)),
];

for (const measure of measures) {
  await measure.check();
  const [app, rawSamples] = await timePair(measure.app, measure.raw);
  console.log(
    `BENCH ${measure.name} p50_ms=${fmt(percentile(app, 50))} p95_ms=${fmt(percentile(app, 95))} raw_p95_ms=${fmt(percentile(rawSamples, 95))}`,
  );
}
// The staff home's "needs attention" counts (every statement of countAttention), alone.
const { countAttention } = await import("../lib/work-orders/count-attention");
const attention: number[] = [];
for (let i = 0; i < RUNS + 20; i++) {
  const started = performance.now();
  await countAttention(context.staff);
  if (i >= 20) attention.push(performance.now() - started);
}
attention.sort((a, b) => a - b);
console.log(
  `BENCH staff_home_attention p50_ms=${fmt(percentile(attention, 50))} p95_ms=${fmt(percentile(attention, 95))}`,
);
await raw.end();
await db.$disconnect();
