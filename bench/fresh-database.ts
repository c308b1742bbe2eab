// A benchmark's own database, empty: dropped and made again on DATABASE_URL's server (or
// the embedded test server), migrated, with the job queue. `env` is set before the app's
// modules are first imported (lib/env reads the environment once).
import pg from "pg";
import { pgConfigFromUrl, withDatabase } from "../lib/database/pg-config";
import { prepareTestDatabase } from "../tests/test-database";

export async function freshBenchDatabase(name: string, env: Record<string, string>) {
  const server = await prepareTestDatabase();
  const databaseUrl = withDatabase(server.databaseUrl, name);
  const admin = new pg.Client(pgConfigFromUrl(withDatabase(server.databaseUrl, "postgres")));
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  Object.assign(process.env, { DATABASE_URL: databaseUrl, JOBS: "off", ...env });
  const { applyMigrations, ensureDatabase } = await import("../lib/database/migrate");
  const { installJobQueue } = await import("../lib/jobs/install-job-queue");
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  await installJobQueue(databaseUrl);
  return { databaseUrl, stop: server.stop };
}
