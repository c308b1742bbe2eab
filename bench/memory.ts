// npm run bench:memory [-- --build] — how much memory a production instance holds after a
// list-page load. Builds first (`npm run build`) when there is no build or --build is
// given; starts one instance as `npm start` does (scripts/serve.ts start, on BENCH_PORT,
// default 3250, with JOBS=off and demo mode on) on its own database, fieldgate_bench_memory,
// on DATABASE_URL's server or the embedded test server, which `npm start` seeds with the
// demo data when it is empty (FIELDGATE_SEED=on); signs in as the demo staff admin and a
// contractor's office person (the sign-in page's own forms); then runs the same fixed load
// three times: BENCH_REQUESTS requests (default 700) at BENCH_CONCURRENCY at once
// (default 8), round-robin over the staff work order list (filters, sorts, search, page 2),
// a work order, the Desk task list (filters, sorts, search) and a task. After each round:
//   BENCH rss_after_load_mib=<n>   RSS of the server process (the one running Next.js)
// Budget: under 400 and flat across the three rounds. Fails on any request not answered
// 200. The build and the server share .next with the test runner: run it under the same
// lock, `flock /tmp/fieldgate-e2e.lock npm run bench:memory`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { withDatabase } from "../lib/database/pg-config";
import { prepareTestDatabase } from "../tests/test-database";

const ROUNDS = 3;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 700);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3250);
const BASE = `http://127.0.0.1:${PORT}`;
const DATABASE = "fieldgate_bench_memory";
const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0";

function buildIfNeeded() {
  const reason = process.argv.includes("--build")
    ? "--build given"
    : !existsSync(".next/BUILD_ID")
      ? "no build yet"
      : null;
  if (!reason) return;
  console.log(`# building (${reason}): npm run build`);
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) throw new Error("The production build failed.");
}

const healthy = () =>
  fetch(`${BASE}/api/health`).then(
    (r) => r.ok,
    () => false,
  );

// serve.ts prepares the database (migrations, the demo data when empty), then runs the
// HTTP server in front of Next.js as its child: that child is the process measured.
function spawnServer(databaseUrl: string): ChildProcess {
  const serve = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/serve.ts", "start", "-p", String(PORT), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        AUTH_SECRET,
        APP_URL: BASE,
        FIELDGATE_SEED: "on",
        DEMO_MODE: "on",
        JOBS: "off",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  createInterface({ input: serve.stdout! }).on("line", (line) => console.log(`# server: ${line}`));
  return serve;
}

async function serverProcess(serve: ChildProcess): Promise<number> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (serve.exitCode !== null) throw new Error(`The server stopped (exit code ${serve.exitCode}).`);
    if (await healthy()) {
      const children = readFileSync(`/proc/${serve.pid}/task/${serve.pid}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .map(Number);
      const serverPid = children.find((pid) =>
        readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("scripts/http-server.ts"),
      );
      if (!serverPid) throw new Error("The HTTP server process was not found among serve.ts's children.");
      return serverPid;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer ${BASE}/api/health within 3 minutes.`);
}

async function stopServer(serve: ChildProcess, serverPid: number | undefined) {
  if (serve.exitCode !== null || serve.signalCode !== null) return;
  const exited = new Promise((resolve) => serve.once("exit", resolve));
  serve.kill("SIGTERM");
  const timeout = setTimeout(() => {
    serve.kill("SIGKILL");
    try {
      if (serverPid) process.kill(serverPid, "SIGKILL");
    } catch {
      // already gone
    }
  }, 15_000);
  await exited;
  clearTimeout(timeout);
}

const rssMib = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024);

const decodeAttribute = (value: string) =>
  value
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");

// The demo persona's one-click form on the sign-in page, posted as the browser would post
// it without JavaScript (the server action's hidden fields and all); the answer is a
// redirect carrying the session cookie.
async function signInAsPersona(name: string): Promise<string> {
  const html = await (await fetch(`${BASE}/signin`)).text();
  const at = html.indexOf(`<strong>${name}</strong>`);
  if (at < 0) throw new Error(`No demo persona "${name}" on the sign-in page (is demo mode on?).`);
  const form = html.slice(html.lastIndexOf("<form", at), html.indexOf("</form>", at));
  const body = new FormData();
  for (const [, field, value = ""] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g))
    body.append(decodeAttribute(field), decodeAttribute(value));
  const response = await fetch(`${BASE}/signin`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: BASE },
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => c.startsWith("authjs.session-token"))
    .join("; ");
  if (!cookie) throw new Error(`Signing in as ${name} failed (HTTP ${response.status}).`);
  return cookie;
}

async function page(path: string, cookie: string): Promise<string> {
  const response = await fetch(`${BASE}${path}`, { headers: { cookie }, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return html;
}

const links = (html: string, pattern: RegExp) => [
  ...new Set([...html.matchAll(pattern)].map((m) => decodeAttribute(m[1]))),
];

// The fixed load: list pages with the filters, sorts and pages people use, and the pages
// the lists lead to, read from the lists themselves.
async function loadPaths(staff: string, desk: string): Promise<[string, string][]> {
  const staffList = await page("/staff", staff);
  const deskList = await page("/desk", desk);
  const workOrders = links(staffList, /href="(\/staff\/work-orders\/c[a-z0-9]{20,})"/g).slice(0, 2);
  const tasks = links(deskList, /href="(\/desk\/tasks\/c[a-z0-9]{20,})"/g).slice(0, 2);
  const nextPages = links(staffList, /href="(\/staff\?[^"]*after=[^"]+)"/g).slice(0, 1);
  if (workOrders.length === 0 || tasks.length === 0 || nextPages.length === 0)
    throw new Error("The seeded lists show no work orders, tasks or next page.");
  const staffPaths = [
    "/staff",
    "/staff?status=OPEN",
    "/staff?priority=URGENT",
    "/staff?sort=due&dir=asc",
    "/staff?sort=sla",
    "/staff?q=boiler",
    "/staff?breached=1",
    ...nextPages,
    ...workOrders,
  ];
  const deskPaths = ["/desk", "/desk?sort=due", "/desk?status=SCHEDULED", "/desk?q=leak", ...tasks];
  return [...staffPaths.map((p): [string, string] => [p, staff]), ...deskPaths.map((p): [string, string] => [p, desk])];
}

async function runRound(paths: [string, string][]): Promise<{ seconds: number; errors: string[] }> {
  let next = 0;
  const errors: string[] = [];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const [path, cookie] = paths[next++ % paths.length];
        await page(path, cookie).catch((error: unknown) => errors.push(String(error)));
      }
    }),
  );
  return { seconds: (Date.now() - started) / 1000, errors };
}

buildIfNeeded();
if (await healthy()) throw new Error(`Something already answers on ${BASE}: set BENCH_PORT to a free port.`);
const database = await prepareTestDatabase();
const serve = spawnServer(withDatabase(database.databaseUrl, DATABASE));
let serverPid: number | undefined;
let failed = false;
try {
  serverPid = await serverProcess(serve);
  const staff = await signInAsPersona("Alice Admin");
  const desk = await signInAsPersona("Sparks Office");
  const paths = await loadPaths(staff, desk);
  console.log(
    `# ${paths.length} pages, ${REQUESTS} requests a round, ${CONCURRENCY} at once; server pid ${serverPid}, rss ${rssMib(serverPid)} MiB before the load`,
  );
  for (let round = 1; round <= ROUNDS; round++) {
    const { seconds, errors } = await runRound(paths);
    const rss = rssMib(serverPid);
    console.log(
      `# round ${round}: ${REQUESTS} requests in ${seconds.toFixed(1)} s (${Math.round(REQUESTS / seconds)}/s), ${errors.length} failed${errors.length ? `, first: ${errors[0]}` : ""}`,
    );
    console.log(`BENCH rss_after_load_mib=${rss}`);
    if (errors.length) failed = true;
  }
} finally {
  await stopServer(serve, serverPid);
  await database.stop();
}
if (failed) {
  console.error("FAIL: every request must be answered 200");
  process.exit(1);
}
