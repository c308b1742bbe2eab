import { spawn } from "node:child_process";
import { createDbClient } from "./db-client";
import { localAuthSecret, prepareDatabase } from "./database";
import { isSeeded, seedDemo } from "../prisma/seed";

// `npm run dev` / `npm start`: database (embedded unless DATABASE_URL), migrations, demo
// data on an empty database, then Next.js. Extra arguments go to `next`.
const [mode = "dev", ...nextArgs] = process.argv.slice(2);
if (mode !== "dev" && mode !== "start") throw new Error(`Usage: serve.ts dev|start [next args]`);

const database = await prepareDatabase();
if (process.env.FIELDGATE_SEED !== "off") {
  const db = createDbClient(database.databaseUrl);
  if (!(await isSeeded(db))) {
    const started = Date.now();
    await seedDemo(db, { log: (m) => console.log(`Seed: ${m}`) });
    console.log(`Demo data seeded in ${Date.now() - started} ms`);
  }
  await db.$disconnect();
}

// Development rebuilds the technician app's own bundle on change (production builds it in
// `npm run build`).
const techBundleWatcher =
  mode === "dev" ? spawn(process.execPath, ["--import", "tsx", "scripts/build-tech-app.ts", "--watch"], { stdio: "inherit" }) : null;

const port = process.env.PORT ?? "3000";
const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", mode, ...(nextArgs.includes("-p") ? [] : ["-p", port]), ...nextArgs], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: database.databaseUrl,
    AUTH_SECRET: localAuthSecret(),
    APP_URL: process.env.APP_URL ?? `http://localhost:${nextArgs.includes("-p") ? nextArgs[nextArgs.indexOf("-p") + 1] : port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});

let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  techBundleWatcher?.kill("SIGTERM");
  await database.stop().catch(() => undefined);
  process.exit(code);
};
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
child.on("exit", (code) => void shutdown(code ?? 0));
