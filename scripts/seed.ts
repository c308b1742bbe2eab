import { parseArgs } from "node:util";
import { createDbClient } from "./db-client";
import { prepareDatabase } from "./database";
import { isSeeded, seedDemo } from "../prisma/seed";

// npm run seed -- [--work-orders N] [--database NAME] [--reset]
const { values } = parseArgs({
  options: {
    "work-orders": { type: "string" },
    database: { type: "string" },
    reset: { type: "boolean", default: false },
  },
});
const workOrders = values["work-orders"] ? Number(values["work-orders"]) : undefined;
if (workOrders !== undefined && (!Number.isInteger(workOrders) || workOrders < 1)) {
  console.error("--work-orders must be a positive whole number");
  process.exit(2);
}

const database = await prepareDatabase({ database: values.database });
const db = createDbClient(database.databaseUrl);
try {
  if (await isSeeded(db)) {
    if (!values.reset) {
      console.log("The database already has data; run with --reset to wipe it and seed again.");
      process.exit(0);
    }
    await db.$executeRawUnsafe(
      `TRUNCATE "Organisation", "User", "ContractorCompany", "AccessToken", "AccessLog", "EmailOutbox", "RateLimitBucket", "SyncMutation" CASCADE`,
    );
  }
  const started = Date.now();
  await seedDemo(db, { workOrders, log: (m) => console.log(m) });
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await db.$disconnect();
  await database.stop();
}
