import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { applyMigrations, ensureDatabase } from "@/lib/database/migrate";
import { pgConfigFromUrl } from "@/lib/database/pg-config";
import { createDbClient } from "@/scripts/db-client";
import { seedDemo } from "./seed";

// The demo seed needs a database of its own: its people and organisation are fixed.
const url = new URL(process.env.DATABASE_URL!);
url.pathname = `/fieldgate_seed_${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}`;
const databaseUrl = url.toString();

afterAll(async () => {
  const admin = new pg.Client(pgConfigFromUrl(process.env.DATABASE_URL!));
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
});

it("analyses what it loaded, so the planner knows the table sizes at once", async () => {
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  const db = createDbClient(databaseUrl, 2);
  try {
    await seedDemo(db, { workOrders: 40 });
    // reltuples is -1 until a table is first analysed (or vacuumed).
    const tables = await db.$queryRaw<{ relname: string; reltuples: number }[]>`
      SELECT relname::text AS relname, reltuples::float AS reltuples FROM pg_class WHERE relname IN ('WorkOrder', 'Assignment', 'TimelineEvent', 'AssignmentTechnician')`;
    expect(tables).toHaveLength(4);
    const byName = Object.fromEntries(tables.map((t) => [t.relname, t.reltuples]));
    expect(byName.WorkOrder).toBeGreaterThanOrEqual(40);
    expect(byName.Assignment).toBeGreaterThan(0);
    expect(byName.TimelineEvent).toBeGreaterThan(40);
    expect(byName.AssignmentTechnician).toBeGreaterThan(0);
  } finally {
    await db.$disconnect();
  }
});
