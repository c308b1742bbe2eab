// The benchmarks' database: `fieldgate_bench_<N>` on the server of DATABASE_URL, seeded
// once with N work orders (the demo, then set-based SQL: prisma/seed-at-scale.ts), vacuumed
// and analysed as a database in service would be. Later runs reuse it.
import { installJobQueue } from "../lib/jobs/install-job-queue";
import { applyMigrations, ensureDatabase } from "../lib/database/migrate";
import { withDatabase } from "../lib/database/pg-config";
import { createDbClient } from "../scripts/db-client";

export async function prepareBenchDatabase(workOrders: number): Promise<string> {
  if (!process.env.DATABASE_URL) {
    console.error("Set DATABASE_URL to a PostgreSQL server; the benchmark uses its own database on it.");
    process.exit(2);
  }
  const databaseUrl = withDatabase(process.env.DATABASE_URL, `fieldgate_bench_${workOrders}`);
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  await installJobQueue(databaseUrl);
  const db = createDbClient(databaseUrl);
  try {
    const { isSeeded, seedDemo } = await import("../prisma/seed");
    const { seedAtScale } = await import("../prisma/seed-at-scale");
    if ((await db.workOrder.count()) < workOrders) {
      console.log(`Seeding ${workOrders.toLocaleString("en-GB")} work orders (once)…`);
      if (await isSeeded(db))
        await db.$executeRawUnsafe(
          `TRUNCATE "Organisation", "User", "ContractorCompany", "AccessToken", "AccessLog", "EmailOutbox", "RateLimitBucket", "SyncMutation" CASCADE`,
        );
      const log = (m: string) => console.log(`  ${m}`);
      await seedDemo(db, { workOrders: Math.min(workOrders, 600), log });
      if (workOrders > 600) await seedAtScale(db, { workOrders, log });
    }
    // As autovacuum would have by now (it may be off on a test server): visibility maps for
    // index-only scans, fresh statistics.
    await db.$executeRawUnsafe(`VACUUM ANALYZE`);
  } finally {
    await db.$disconnect();
  }
  return databaseUrl;
}
