import { parseArgs } from "node:util";
import { createDbClient } from "./db-client";
import { prepareDatabase } from "./database";
import { DEMO_WORK_ORDERS, isSeeded, seedDemo } from "../prisma/seed";
import { seedAtScale } from "../prisma/seed-at-scale";

// npm run seed -- [--work-orders N] [--database NAME] [--reset]
// Up to the demo's 600 work orders, the demo seed writes them all; beyond, it writes its
// 600 and seedAtScale adds the rest with set-based statements.
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
  const log = (m: string) => console.log(m);
  if (workOrders !== undefined && workOrders > DEMO_WORK_ORDERS) {
    await seedDemo(db, { log });
    await seedAtScale(db, { workOrders, log });
  } else {
    await seedDemo(db, { workOrders, log });
  }
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await db.$disconnect();
  await database.stop();
}
