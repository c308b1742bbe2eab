// npm run bench:quotes — with DATABASE_URL set. Uses the database fieldgate_bench_quotes on
// that server (seeded once) and times, over BENCH_RUNS views (200 unless told):
// - a request's comparison as its page reads it (the request with every answer, then the
//   side-by-side: compliance, network figures, lines aligned) for 5 bidders × 200 lines;
// - the Desk's list of requests for quote of a contractor with 1,000 open invitations
//   (among 20,000 invitations of other companies).
// Prints: BENCH <measure> p50_ms=<n> p95_ms=<n> db_ms_p50=<n> statements=<n>
import { performance } from "node:perf_hooks";
import { installJobQueue } from "../lib/jobs/install-job-queue";
import { applyMigrations, ensureDatabase } from "../lib/database/migrate";
import { withDatabase } from "../lib/database/pg-config";
import { installStatementTimer, takeStatementTotals } from "./statement-timer";

if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to a PostgreSQL server; the benchmark uses its own database on it.");
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const databaseUrl = withDatabase(process.env.DATABASE_URL, "fieldgate_bench_quotes");
await ensureDatabase(databaseUrl);
await applyMigrations(databaseUrl);
await installJobQueue(databaseUrl);
process.env.DATABASE_URL = databaseUrl;
process.env.JOBS = "off";
installStatementTimer();

const { db } = await import("../lib/db");
const { loadDeskActor, loadStaffActor } = await import("../lib/auth/actor");
const { getQuoteRequest } = await import("../lib/quotes/get-quote-request");
const { compareQuotes } = await import("../lib/quotes/compare-quotes");
const { listDeskInvitations } = await import("../lib/quotes/list-desk-invitations");
const f = await import("../prisma/factories");

const BUSY = "busy-office@bench-quotes.test";

// Once: an organisation with a five-bidder request of 200 lines each, and a busy contractor
// invited to 1,000 open requests among 20,000 other invitations.
async function seed() {
  if (await db.user.findUnique({ where: { email: BUSY } })) return;
  console.log("Seeding the quotes benchmark (once)…");
  const organisation = await f.createOrganisation(db, { slug: "bench-quotes" });
  await f.createStaffUser(db, organisation.id, "MANAGER", { email: "manager@bench-quotes.test" });
  const site = await f.createSite(db, organisation.id);
  const workOrder = await f.createWorkOrder(db, { organisationId: organisation.id, siteId: site.id });
  const companies = await Promise.all(
    [1, 2, 3, 4].map((n) => f.createContractorCompany(db, [organisation.id], { name: `Bench bidder ${n}` })),
  );
  const lines = (offset: number) =>
    Array.from({ length: 200 }, (_, i) => ({
      description: `Item ${(i + offset) % 230}: fitting, cabling and testing`,
      quantity: `${1 + (i % 9)}`,
      unitPrice: `${(i * 7 + offset) % 500}.25`,
    }));
  await f.createQuoteRequest(db, {
    organisationId: organisation.id,
    workOrderId: workOrder.id,
    bidders: [
      ...companies.map((c, n) => ({ contractorCompanyId: c.id, email: c.email, answer: lines(n * 11) })),
      { supplierName: "Outside", email: "outside@bench-quotes.test", answer: lines(57) },
    ],
  });
  const busy = await f.createContractorCompany(db, [organisation.id], { name: "Busy bidder" });
  await f.createContractorPerson(db, busy.id, "OFFICE", { email: BUSY });
  await db.$executeRawUnsafe(
    `INSERT INTO "QuoteRequest" (id, "organisationId", "workOrderId", status, scope, requirements, deadline, sealed, version, "createdAt", "sentAt")
     SELECT 'bq' || n, $1, $2, 'OPEN', 'Scope ' || n, '', now() + (n || ' minutes')::interval + interval '30 days', false, 1, now(), now()
     FROM generate_series(1, 21000) n`,
    organisation.id,
    workOrder.id,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "QuoteInvitation" (id, "organisationId", "quoteRequestId", "contractorCompanyId", "supplierName", email, status, "createdAt")
     SELECT 'bi' || n, $1, 'bq' || n, CASE WHEN n <= 1000 THEN $2 ELSE NULL END,
            CASE WHEN n <= 1000 THEN NULL ELSE 'Supplier ' || n END,
            CASE WHEN n <= 1000 THEN $3 ELSE 'supplier' || n || '@bench-quotes.test' END, 'INVITED', now()
     FROM generate_series(1, 21000) n`,
    organisation.id,
    busy.id,
    busy.email,
  );
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
}
await seed();

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

async function time(name: string, view: () => Promise<unknown>) {
  await view();
  takeStatementTotals();
  const walls: number[] = [];
  const dbMs: number[] = [];
  let statements = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await view();
    walls.push(performance.now() - started);
    const taken = takeStatementTotals();
    dbMs.push(taken.ms);
    statements = taken.statements;
  }
  console.log(
    `BENCH ${name} p50_ms=${percentile(walls, 50).toFixed(1)} p95_ms=${percentile(walls, 95).toFixed(1)} db_ms_p50=${percentile(dbMs, 50).toFixed(1)} statements=${statements}`,
  );
}

const manager = (await loadStaffActor(
  (await db.user.findUniqueOrThrow({ where: { email: "manager@bench-quotes.test" } })).id,
))!;
const office = (await loadDeskActor((await db.user.findUniqueOrThrow({ where: { email: BUSY } })).id))!;
const request = await db.quoteRequest.findFirstOrThrow({
  where: { organisationId: manager.organisationId, invitations: { some: { revisions: { some: {} } } } },
});

await time("quote_comparison_5x200", async () => {
  const now = new Date();
  const read = await getQuoteRequest(manager, request.id, now);
  const comparison = await compareQuotes(read, now);
  if (comparison?.columns.length !== 5) throw new Error("the comparison lost a bidder");
});
await time("desk_quote_list_1000_open", async () => {
  const list = await listDeskInvitations(office, { show: "open" });
  if (list.rows.length !== 50) throw new Error("a page of the list is 50 rows");
});
await db.$disconnect();
