// npm run bench:load [-- --work-orders N --seconds 20 --connections 20 --processes P] — with DATABASE_URL
// set and a production build (`npm run build`). Serves a production instance on the
// benchmark database (fieldgate_bench_<N>, N = 100,000 unless told; see bench-database.ts),
// signs in the client's admin and the office of the contractor with 100,000 tasks, drives
// /staff and then /desk with autocannon, and prints per page:
//   BENCH <page>_rps=<n>  BENCH <page>_p99_ms=<n>
//   BENCH <page>_node_cpu_ms=<n>  BENCH <page>_pg_cpu_ms=<n>   (CPU per request)
// and how busy the machine was, with the load generator's own share.
// Every answer must be the page itself (200): a redirect to sign-in fails the run.
// --profile DIR writes the server's CPU profile there (open it in Chrome's DevTools).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import { createDbClient } from "../scripts/db-client";
import { prepareBenchDatabase } from "./bench-database";

const { values } = parseArgs({
  options: {
    "work-orders": { type: "string", default: "100000" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "20" },
    port: { type: "string", default: "3977" },
    // Server processes sharing the port (WEB_CONCURRENCY): one per core unless told.
    processes: { type: "string", default: String(availableParallelism()) },
    // A directory for the server's CPU profile (node --cpu-prof), written when it stops.
    profile: { type: "string" },
  },
});
const [workOrders, seconds, connections, port] = [
  values["work-orders"],
  values.seconds,
  values.connections,
  values.port,
].map(Number);
if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(2);
}

const databaseUrl = await prepareBenchDatabase(workOrders);
const db = createDbClient(databaseUrl, 2);
const authSecret = randomBytes(32).toString("base64url");
const origin = `http://127.0.0.1:${port}`;

// A session as signing in makes it: a live server-side row, named by the signed cookie.
async function sessionCookie(email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const session = await db.userSession.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 86_400_000), ip: "127.0.0.1", userAgent: "bench:load" },
  });
  const salt = "authjs.session-token";
  const token = await encode({
    token: { sub: user.id, uid: user.id, sid: session.id, name: user.name, email: user.email },
    secret: authSecret,
    salt,
    maxAge: 86_400,
  });
  return `${salt}=${token}`;
}
const { scaleOfficeEmail } = await import("../prisma/seed-at-scale");
const cookies = {
  staff_home: await sessionCookie("alice@northwind.test"),
  desk_home: await sessionCookie(scaleOfficeEmail("summit")),
};
await db.$disconnect();

const profiling = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : [];
const server = spawn(process.execPath, [...profiling, "--import", "tsx", "scripts/http-server.ts", "start"], {
  stdio: ["ignore", "pipe", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    LISTEN_HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    APP_URL: origin,
    JOBS: "off",
    WEB_CONCURRENCY: values.processes,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
// Each server process says when it listens: the run starts once all of them do.
let listening = 0;
server.stdout!.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  listening += chunk.toString().split("Fieldgate listening on").length - 1;
});
const stopServer = () => server.exitCode === null && server.kill("SIGTERM");
process.on("exit", stopServer);

// CPU time (ms) of processes, from /proc: the server and what it started, and every
// PostgreSQL process (the connections' backends do the queries' work).
const TICK_MS = 10; // USER_HZ is 100 on Linux
function processTimes() {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        // After the name: state, ppid, …; utime and stime are the 12th and 13th.
        return [
          { pid: Number(pid), name, ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) * TICK_MS },
        ];
      } catch {
        return [];
      }
    });
  const serverTree = new Set([server.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (serverTree.has(p.ppid) && !serverTree.has(p.pid)) {
        serverTree.add(p.pid);
        grew = true;
      }
  }
  const sum = (list: typeof all) => list.reduce((total, p) => total + p.cpu, 0);
  const [user, nice, system, idle, iowait] = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const bench = process.cpuUsage();
  return {
    node: sum(all.filter((p) => serverTree.has(p.pid))),
    postgres: sum(all.filter((p) => p.name === "postgres" || p.name.startsWith("postgres:"))),
    // This process: autocannon, which shares the machine's cores with what it measures.
    load: (bench.user + bench.system) / 1000,
    busy: (user + nice + system) * TICK_MS,
    all: (user + nice + system + idle + iowait) * TICK_MS,
  };
}

async function waitForServer() {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.exitCode !== null) throw new Error("The server stopped while starting");
    try {
      if (listening >= Number(values.processes) && (await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not answer within 2 minutes");
}

function drive(path: string, cookie: string, duration: number) {
  return autocannon({ url: `${origin}${path}`, connections, duration, headers: { cookie } });
}

try {
  await waitForServer();
  console.log(
    `# ${workOrders.toLocaleString("en-GB")} work orders; ${values.processes} server process(es); ${connections} connections for ${seconds} s per page`,
  );
  for (const [page, path] of [
    ["staff_home", "/staff"],
    ["desk_home", "/desk"],
  ] as const) {
    const cookie = cookies[page];
    const check = await fetch(`${origin}${path}`, { headers: { cookie }, redirect: "manual" });
    if (check.status !== 200) throw new Error(`${path} answered ${check.status}, not the page`);
    await drive(path, cookie, 3); // warm up: compiled code paths, the pool's connections
    const before = processTimes();
    const result = await drive(path, cookie, seconds);
    const after = processTimes();
    const answered = result.requests.total;
    if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || answered === 0)
      throw new Error(
        `${path}: ${result.non2xx} answers not 200, ${result.errors} errors, ${result.timeouts} timeouts`,
      );
    const perRequest = (ms: number) => (ms / answered).toFixed(1);
    console.log(`BENCH ${page}_rps=${(answered / seconds).toFixed(1)}`);
    console.log(`BENCH ${page}_p99_ms=${result.latency.p99}`);
    console.log(`BENCH ${page}_node_cpu_ms=${perRequest(after.node - before.node)}`);
    console.log(`BENCH ${page}_pg_cpu_ms=${perRequest(after.postgres - before.postgres)}`);
    // What limits the rate: the cores are shared by the server, PostgreSQL and autocannon.
    const busy = (100 * (after.busy - before.busy)) / (after.all - before.all);
    console.log(
      `# ${page}: the machine's ${cpus().length} cores ${busy.toFixed(0)} % busy; autocannon ${perRequest(after.load - before.load)} ms of CPU per request`,
    );
  }
} finally {
  stopServer();
  await new Promise((resolve) => (server.exitCode === null ? server.once("exit", resolve) : resolve(null)));
}
