import { runMigrations } from "graphile-worker";
import pg from "pg";
import { pgConfigFromUrl } from "../database/pg-config";
import { jobLogger } from "./job-logger";

export const DEFAULT_JOBS_SCHEMA = "graphile_worker";

// Creates or updates the job queue's tables (graphile-worker's own migrations, in a schema
// of their own). Run with the app's migrations, before anything adds a job. Shared with the
// plain-Node scripts, so nothing here is server-only.
export async function installJobQueue(databaseUrl: string, schema = DEFAULT_JOBS_SCHEMA): Promise<void> {
  const pool = new pg.Pool({ ...pgConfigFromUrl(databaseUrl), max: 1 });
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  try {
    await runMigrations({ pgPool: pool, schema, logger: jobLogger });
  } finally {
    await pool.end();
  }
}
