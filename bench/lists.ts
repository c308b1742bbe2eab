// npm run bench:lists — with DATABASE_URL set. Seeds (once) 100,000 work orders into the
// database `fieldgate_bench` on that server, gives one contractor 10,000 tasks, then times
// the server work of the busiest pages through the app's own code and the same reads in
// hand-written SQL. Prints one line per measure:
//   BENCH <measure> p50_ms=<n> p95_ms=<n> raw_p95_ms=<n>
import { performance } from "node:perf_hooks";
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

// The raw side: the same statements written by hand for the pg driver (same columns,
// joins, filters, order and limit as the app's SQL, and like the app a list page comes
// back as one JSON array), so the difference is what the app adds on top of the
// database's own work. Each is checked below to return the same rows.
const asJsonArray = (sql: string) => `SELECT COALESCE(json_agg(page), '[]') AS rows FROM (${sql}) page`;
const LIVE = `'{OFFERED,ACCEPTED,SCHEDULED,IN_PROGRESS,REVISIT,PERFORMED,COMPLETED,REVIEWED,INVOICED}'::"AssignmentStatus"[]`;
const listSql = (where: string, order: string) => `
  WITH page AS (
    SELECT w.id, w.number, w.title, w.status, w.priority, w."dueAt", w."slaDueAt", w."createdAt", w."purchaseOrder", w."notToExceedCents", w."siteId", w."categoryId"
    FROM "WorkOrder" w WHERE w."organisationId" = $1 AND w."archivedAt" IS NULL ${where} ORDER BY ${order} LIMIT 51)
  SELECT w.id, w.number, w.title, w.status, w.priority, w."dueAt", w."slaDueAt", w."createdAt", w."purchaseOrder", w."notToExceedCents",
         json_build_object('name', s.name) AS site,
         CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('name', c.name) END AS trade,
         CASE WHEN live.status IS NULL THEN '[]' ELSE json_build_array(json_build_object('status', live.status, 'contractor', json_build_object('name', live.name))) END AS live
  FROM page w
  JOIN "Site" s ON s.id = w."siteId"
  LEFT JOIN "Category" c ON c.id = w."categoryId"
  LEFT JOIN LATERAL (SELECT x.status, cc.name FROM "Assignment" x JOIN "ContractorCompany" cc ON cc.id = x."contractorCompanyId"
                     WHERE x."workOrderId" = w.id AND x.status = ANY(${LIVE}) ORDER BY x."createdAt" DESC, x.id DESC LIMIT 1) live ON true
  ORDER BY ${order}`;

// The Desk's default order (client, then work order number), read client by client.
const dashboardSql = `
  SELECT task.*, o.name AS client
  FROM "Organisation" o
  CROSS JOIN LATERAL (
    SELECT a.id, a.status, a."createdAt", a."offeredAt", a."plannedAt", a."scheduledAt", a."organisationId", cc.name AS company,
           w.number, w.title, w.priority, w."dueAt", s.name AS site, s.city,
           ARRAY(SELECT u.name FROM "AssignmentTechnician" t JOIN "ContractorPerson" p ON p.id = t."personId" JOIN "User" u ON u.id = p."userId"
                 WHERE t."assignmentId" = a.id ORDER BY t."assignedAt", t."personId") AS technicians
    FROM "Assignment" a
    JOIN "ContractorCompany" cc ON cc.id = a."contractorCompanyId"
    JOIN "WorkOrder" w ON w.id = a."workOrderId"
    JOIN "Site" s ON s.id = w."siteId"
    WHERE a."organisationId" = o.id AND w."organisationId" = o.id AND a."contractorCompanyId" IN ($1)
    ORDER BY w.number, a.id LIMIT 101) task
  WHERE o.id IN (SELECT a."organisationId" FROM "Assignment" a WHERE a."contractorCompanyId" IN ($1))
  ORDER BY o.name, o.id, task.number, task.id LIMIT 101`;

const taskSql = `
  SELECT a.*, o.name AS client, cc.name AS company, to_jsonb(w) - 'internalNotes' AS work_order, to_jsonb(s) AS site, to_jsonb(c) AS trade, to_jsonb(asset) AS asset,
         (SELECT COALESCE(jsonb_agg(jsonb_build_object('link', to_jsonb(t), 'person', to_jsonb(p), 'user', jsonb_build_object('name', u.name, 'email', u.email))
                                    ORDER BY t."assignedAt", t."personId"), '[]')
          FROM "AssignmentTechnician" t JOIN "ContractorPerson" p ON p.id = t."personId" JOIN "User" u ON u.id = p."userId"
          WHERE t."assignmentId" = a.id) AS technicians,
         (SELECT COALESCE(jsonb_agg(to_jsonb(st) ORDER BY st.position, st.id), '[]') FROM "ServiceTask" st WHERE st."assignmentId" = a.id) AS checklist,
         (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', p.id, 'name', u.name, 'accreditations',
                    (SELECT COALESCE(jsonb_agg(jsonb_build_object('type', acc.type, 'expiresAt', acc."expiresAt")), '[]') FROM "Accreditation" acc WHERE acc."personId" = p.id))
                  ORDER BY u.name, p.id), '[]')
          FROM "ContractorPerson" p JOIN "User" u ON u.id = p."userId"
          WHERE p."contractorCompanyId" = a."contractorCompanyId" AND p.active AND p.role = 'TECHNICIAN') AS people
  FROM "Assignment" a
  JOIN "Organisation" o ON o.id = a."organisationId"
  JOIN "ContractorCompany" cc ON cc.id = a."contractorCompanyId"
  JOIN "WorkOrder" w ON w.id = a."workOrderId"
  JOIN "Site" s ON s.id = w."siteId"
  LEFT JOIN "Category" c ON c.id = w."categoryId"
  LEFT JOIN "Asset" asset ON asset.id = w."assetId"
  WHERE a."contractorCompanyId" IN ($2) AND a.id = $1`;

type TMeasure = { name: string; app: () => Promise<unknown>; raw: () => Promise<pg.QueryResult>; appIds: () => Promise<string[]>; rawIds: () => Promise<string[]> };
type TIdRows = { rows: { id: string }[] };
function measure<T>(name: string, app: () => Promise<T>, raw: () => Promise<pg.QueryResult>, ids: (result: T) => string[]): TMeasure {
  const rawIds = async () => {
    const [first] = (await raw()).rows as ({ id: string } | TIdRows)[];
    return "rows" in first ? first.rows.map((r) => r.id) : [first.id];
  };
  return { name, app, raw, appIds: async () => ids(await app()), rawIds };
}
const pageIds = (result: TIdRows) => result.rows.map((r) => r.id);

const measures: TMeasure[] = [
  measure("staff_list_first_page", () => listWorkOrders(context.staff, ZWorkOrderListSchema.parse({})), () => raw.query(asJsonArray(listSql("", `w."createdAt" DESC, w.number DESC`)), [context.organisationId]), pageIds),
  measure(
    "staff_list_deep_filtered_page",
    () => listWorkOrders(context.staff, { ...deepFilters, after: deepCursor }),
    () =>
      raw.query(
        asJsonArray(listSql(`AND w.status = 'COMPLETED' AND w.priority = 'NORMAL' AND (w."createdAt", w.number) < ($2::timestamp(3), $3::int)`, `w."createdAt" DESC, w.number DESC`)),
        [context.organisationId, deepAnchor.createdAt.toISOString(), deepAnchor.number],
      ),
    pageIds,
  ),
  measure("contractor_dashboard", () => listDeskTasks(context.desk, {}), () => raw.query(asJsonArray(dashboardSql), [context.companyId]), pageIds),
  measure("task_page", () => getDeskTask(context.desk, someTask.id), () => raw.query(taskSql, [someTask.id, context.companyId]), (task) => [task.id]),
];

for (const measure of measures) {
  // Both sides must read the same rows, or the comparison means nothing. The app's list
  // fetches one row past the page (to know there is a next page), as the raw SQL does.
  const rawIds = await measure.rawIds();
  const appIds = await measure.appIds();
  if (rawIds.slice(0, appIds.length).join() !== appIds.join() || rawIds.length > appIds.length + 1) {
    console.error(`${measure.name}: the raw SQL does not read the same rows as the app`);
    process.exit(1);
  }
  const [app, rawSamples] = await timePair(measure.app, measure.raw);
  console.log(`BENCH ${measure.name} p50_ms=${fmt(percentile(app, 50))} p95_ms=${fmt(percentile(app, 95))} raw_p95_ms=${fmt(percentile(rawSamples, 95))}`);
}
await raw.end();
await db.$disconnect();
