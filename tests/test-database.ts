import path from "node:path";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { applyMigrations, ensureDatabase } from "../lib/database/migrate";
import { installJobQueue } from "../lib/jobs/install-job-queue";
import { isLocalDatabase } from "../lib/database/pg-config";

// Tests run against real PostgreSQL: DATABASE_URL when set (CI uses the machine's
// server), otherwise an embedded server under ./data/pg-test. Tests only add their own
// rows, but they still refuse any server that is not on this machine.
export async function prepareTestDatabase(): Promise<{ databaseUrl: string; stop: () => Promise<void> }> {
  let databaseUrl = process.env.DATABASE_URL;
  let stop = async () => undefined as void;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(
      path.resolve("data/pg-test"),
      "fieldgate_test",
      Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    );
    databaseUrl = embedded.databaseUrl;
    stop = embedded.stop;
  }
  if (!isLocalDatabase(databaseUrl) && process.env.FIELDGATE_ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(`Refusing to run tests against a database that is not local: ${new URL(databaseUrl).host}`);
  }
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  await installJobQueue(databaseUrl);
  return { databaseUrl, stop };
}
