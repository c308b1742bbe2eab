import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { applyMigrations, ensureDatabase } from "../lib/database/migrate";
import { DEFAULT_JOBS_SCHEMA, installJobQueue } from "../lib/jobs/install-job-queue";
import { withDatabase } from "../lib/database/pg-config";

export type TDatabase = { databaseUrl: string; embedded: boolean; stop: () => Promise<void> };

// DATABASE_URL set: use that server. Unset: start the embedded PostgreSQL under ./data.
// Either way the database exists and every migration is applied before anything runs.
export async function prepareDatabase(
  options: { database?: string; log?: (m: string) => void } = {},
): Promise<TDatabase> {
  const log = options.log ?? console.log;
  let databaseUrl = process.env.DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  let embedded = false;
  if (databaseUrl) {
    if (options.database) databaseUrl = withDatabase(databaseUrl, options.database);
  } else {
    const started = Date.now();
    const pg = await startEmbeddedPostgres(path.resolve("data/pg"), options.database ?? "fieldgate", embeddedPort());
    databaseUrl = pg.databaseUrl;
    stop = pg.stop;
    embedded = true;
    log(
      `Embedded PostgreSQL ready on port ${new URL(databaseUrl).port} in ${Date.now() - started} ms (data in ./data/pg)`,
    );
  }
  await ensureDatabase(databaseUrl);
  const applied = await applyMigrations(databaseUrl);
  await installJobQueue(databaseUrl, process.env.JOBS_SCHEMA || DEFAULT_JOBS_SCHEMA);
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
  return { databaseUrl, embedded, stop };
}

function embeddedPort(): number {
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  if (!Number.isInteger(port) || port < 1024 || port > 65535)
    throw new Error(`Invalid environment: EMBEDDED_PG_PORT: must be a port from 1024 to 65535`);
  return port;
}

// A stable secret for local runs, so sessions survive restarts; production sets AUTH_SECRET.
export function localAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.resolve("data/auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
