// npm run bench:lists — with DATABASE_URL set. Seeds (once) 100,000 work orders into the
// database `fieldgate_bench` on that server, gives one contractor 10,000 tasks, then times
// the server work of the busiest pages through the app's own code and the same reads in
// hand-written SQL. Prints one line per measure:
//   BENCH <measure> p50_ms=<n> p95_ms=<n> raw_p95_ms=<n>
import { performance } from "node:perf_hooks";
import pg from "pg";
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

// App modules read DATABASE_URL when first used, so they are loaded after it is set.
const { db } = await import("../lib/db");
const { seedDemo } = await import("../prisma/seed");
const { createContractorCompany, createContractorPerson } = await import("../prisma/factories");
const { loadDeskActor, loadStaffActor } = await import("../lib/auth/actor");
const { listWorkOrders } = await import("../lib/work-orders/list-work-orders");
const { ZWorkOrderListSchema } = await import("../lib/work-orders/schemas");
const { listDeskTasks } = await import("../lib/assignments/list-desk-tasks");
const { getDeskTask } = await import("../lib/assignments/get-desk-task");

async function prepare() {
  const count = await db.workOrder.count();
  if (count < WORK_ORDERS) {
    console.log(`Seeding ${WORK_ORDERS} work orders (a few minutes, once)…`);
    await db.$executeRawUnsafe(`TRUNCATE "Organisation", "User", "ContractorCompany", "AccessToken", "AccessLog", "EmailOutbox", "RateLimitBucket", "SyncMutation" CASCADE`);
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
  return { staff: (await loadStaffActor(staffUser.id))!, desk: (await loadDeskActor(deskUser.id))!, companyId: company.id, organisationId: organisation.id, tasks };
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (n: number) => n.toFixed(1);

const context = await prepare();
console.log(`# ${await db.workOrder.count()} work orders; contractor with ${context.tasks} tasks; ${RUNS} timed runs each`);
const raw = new pg.Pool({ ...pgConfigFromUrl(databaseUrl), max: 4 });

// The deep page: 40 pages into completed, normal-priority work orders, newest first.
const deepFilters = ZWorkOrderListSchema.parse({ status: "COMPLETED", priority: "NORMAL" });
let deepCursor: string | undefined;
for (let page = 0; page < 40; page++) deepCursor = (await listWorkOrders(context.staff, { ...deepFilters, after: deepCursor })).nextCursor ?? deepCursor;
const deepAnchor = await db.workOrder.findFirstOrThrow({
  where: { organisationId: context.organisationId, status: "COMPLETED", priority: "NORMAL", archivedAt: null },
  orderBy: [{ createdAt: "desc" }, { number: "desc" }],
  skip: 40 * 50 - 1,
});
const someTask = await db.assignment.findFirstOrThrow({ where: { contractorCompanyId: context.companyId }, orderBy: { createdAt: "desc" } });

// The page of work orders first (from the index), then what each row shows.
const listSql = (where: string, order: string) => `
  WITH page AS (
    SELECT * FROM "WorkOrder" w WHERE w."organisationId" = $1 AND w."archivedAt" IS NULL ${where} ORDER BY ${order} LIMIT 51)
  SELECT w.id, w.number, w.title, w.status, w.priority, w."dueAt", w."slaDueAt", w."createdAt", w."purchaseOrder", w."notToExceedCents",
         s.name AS site, c.name AS trade, a.status AS task_status, cc.name AS contractor
  FROM page w
  JOIN "Site" s ON s.id = w."siteId"
  LEFT JOIN "Category" c ON c.id = w."categoryId"
  LEFT JOIN LATERAL (SELECT status, "contractorCompanyId" FROM "Assignment" x
                     WHERE x."workOrderId" = w.id AND x.status NOT IN ('DECLINED','CANCELLED') LIMIT 1) a ON true
  LEFT JOIN "ContractorCompany" cc ON cc.id = a."contractorCompanyId"
  ORDER BY ${order}`;

const measures: { name: string; app: () => Promise<unknown>; raw: () => Promise<unknown> }[] = [
  {
    name: "staff_list_first_page",
    app: () => listWorkOrders(context.staff, ZWorkOrderListSchema.parse({})),
    raw: () => raw.query(listSql("", `w."createdAt" DESC, w.number DESC`), [context.organisationId]),
  },
  {
    name: "staff_list_deep_filtered_page",
    app: () => listWorkOrders(context.staff, { ...deepFilters, after: deepCursor }),
    raw: () =>
      raw.query(listSql(`AND w.status = 'COMPLETED' AND w.priority = 'NORMAL' AND (w."createdAt", w.number) < ($2, $3)`, `w."createdAt" DESC, w.number DESC`), [
        context.organisationId,
        deepAnchor.createdAt,
        deepAnchor.number,
      ]),
  },
  {
    name: "contractor_dashboard",
    app: () => listDeskTasks(context.desk, {}),
    raw: () =>
      raw.query(
        `SELECT a.id, a.status, a."offeredAt", a."plannedAt", a."scheduledAt", o.name AS client, w.number, w.title, w.priority, w."dueAt", s.name AS site, s.city,
                (SELECT string_agg(u.name, ', ') FROM "AssignmentTechnician" t JOIN "ContractorPerson" p ON p.id = t."personId" JOIN "User" u ON u.id = p."userId" WHERE t."assignmentId" = a.id) AS technicians
         FROM "Assignment" a JOIN "Organisation" o ON o.id = a."organisationId" JOIN "WorkOrder" w ON w.id = a."workOrderId" JOIN "Site" s ON s.id = w."siteId"
         WHERE a."contractorCompanyId" = $1 ORDER BY a."createdAt" DESC, a.id DESC LIMIT 101`,
        [context.companyId],
      ),
  },
  {
    name: "task_page",
    app: () => getDeskTask(context.desk, someTask.id),
    raw: () =>
      Promise.all([
        raw.query(
          `SELECT a.*, o.name AS client, w.*, s.*, c.name AS trade, c."requiredAccreditations" FROM "Assignment" a
           JOIN "Organisation" o ON o.id = a."organisationId" JOIN "WorkOrder" w ON w.id = a."workOrderId" JOIN "Site" s ON s.id = w."siteId"
           LEFT JOIN "Category" c ON c.id = w."categoryId" WHERE a.id = $1 AND a."contractorCompanyId" = $2`,
          [someTask.id, context.companyId],
        ),
        raw.query(`SELECT * FROM "ServiceTask" WHERE "assignmentId" = $1 ORDER BY position`, [someTask.id]),
        raw.query(
          `SELECT p.id, u.name, acc.type, acc."expiresAt" FROM "ContractorPerson" p JOIN "User" u ON u.id = p."userId"
           LEFT JOIN "Accreditation" acc ON acc."personId" = p.id WHERE p."contractorCompanyId" = $1 AND p.active AND p.role = 'TECHNICIAN'`,
          [context.companyId],
        ),
      ]),
  },
];

for (const measure of measures) {
  const app = await time(measure.app);
  const rawSamples = await time(measure.raw);
  console.log(`BENCH ${measure.name} p50_ms=${fmt(percentile(app, 50))} p95_ms=${fmt(percentile(app, 95))} raw_p95_ms=${fmt(percentile(rawSamples, 95))}`);
}
await raw.end();
await db.$disconnect();
