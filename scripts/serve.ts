import { spawn } from "node:child_process";
import { createDbClient } from "./db-client";
import { localAuthSecret, prepareDatabase } from "./database";
import { startupPlan, type TServeMode } from "./startup-plan";
import { isSeeded, seedDemo } from "../prisma/seed";

// `npm run dev` / `npm start`: database (embedded unless DATABASE_URL), migrations, the
// demo data on an empty database in development only, then the HTTP server in front of
// Next.js (scripts/http-server.ts). Accepts -p PORT and -H HOST like `next`.
const [modeArg = "dev", ...args] = process.argv.slice(2);
if (modeArg !== "dev" && modeArg !== "start") throw new Error(`Usage: serve.ts dev|start [-p PORT] [-H HOST]`);
const mode: TServeMode = modeArg;
const plan = startupPlan(mode, args, process.env);
if (plan.unknownArgs.length) console.warn(`Ignoring unknown arguments: ${plan.unknownArgs.join(" ")}`);

const database = await prepareDatabase();
if (plan.seedDemoData) {
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
  mode === "dev"
    ? spawn(process.execPath, ["--import", "tsx", "scripts/build-tech-app.ts", "--watch"], { stdio: "inherit" })
    : null;

const child = spawn(process.execPath, [...plan.nodeArgs, "--import", "tsx", "scripts/http-server.ts", mode], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: mode === "dev" ? "development" : "production",
    PORT: String(plan.port),
    ...(plan.hostname ? { LISTEN_HOST: plan.hostname } : {}),
    DATABASE_URL: database.databaseUrl,
    AUTH_SECRET: localAuthSecret(),
    APP_URL: process.env.APP_URL ?? `http://localhost:${plan.port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});

// Told to stop: the signal goes to the server, which finishes what it is doing (its grace
// period); the embedded database stops only once the server has exited, so requests in
// flight keep their database to the end.
let stopping = false;
async function shutdown(signal: NodeJS.Signals | null, code: number) {
  if (stopping) return;
  stopping = true;
  techBundleWatcher?.kill("SIGTERM");
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<number>((resolve) => child.once("exit", (exitCode) => resolve(exitCode ?? 0)));
    child.kill(signal ?? "SIGTERM");
    code = await exited;
  }
  await database.stop().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => void shutdown("SIGINT", 0));
process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
child.on("exit", (code) => void shutdown(null, code ?? 0));
