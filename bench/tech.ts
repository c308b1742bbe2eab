// npm run bench:tech [-- --build] — the technician app's budgets on a production build.
// Builds first (`npm run build`: the technician app's bundle, then `next build --webpack`)
// when there is no build, no service worker, no technician bundle or --build is given; serves it as the Playwright tests do (playwright.config.ts: same
// command, flags and environment, on BENCH_PORT, default 3200); uses DATABASE_URL or the
// embedded test database; creates a technician with tasks; drives Debian's Chromium and
// prints:
//   BENCH tech_first_load_js_kib=<n>     gzipped JS the /tech page loads on first visit
//   BENCH tech_offline_cold_start_ms=<n> offline, new tab → task list visible (median)
//   BENCH tech_flush_50_ms=<n>           50 queued mutations flushed once back online
//   BENCH tech_lighthouse_perf=<n>       median Lighthouse performance score of 5 mobile runs
// The build and the server share .next with the test runner: run it under the same lock,
// `flock /tmp/fieldgate-e2e.lock npm run bench:tech`.
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { launch as launchChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/chromium";
import { hashSecret, newLinkSecret } from "../lib/auth/secrets";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createServiceTasks,
  createSite,
  createWorkOrder,
} from "../prisma/factories";
import { createDbClient } from "../scripts/db-client";
import { prepareTestDatabase } from "../tests/test-database";
import { buildIfNeeded, startServer } from "./production-server";

const TASKS = 30;
const COLD_START_RUNS = 5;
const LIGHTHOUSE_RUNS = 5;
// The list with at least one task card: the technician can see their work.
const TASK_LIST = '[data-testid="task-list"] li';
const SHELL_FALLBACK = "main";

const database = await prepareTestDatabase();
process.env.DATABASE_URL = database.databaseUrl;
process.env.E2E_PORT = process.env.BENCH_PORT ?? "3200";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Read after the port and database are set: the config derives its server from them.
const { appWebServer, baseURL, default: playwrightConfig } = await import("../playwright.config");
const db = createDbClient(database.databaseUrl, 4);

async function createTechnicianWithTasks() {
  const organisation = await createOrganisation(db, { name: "Bench Housing" });
  const company = await createContractorCompany(db, [organisation.id], {
    name: `Bench Field Services ${organisation.slug}`,
  });
  const technician = await createContractorPerson(db, company.id, "TECHNICIAN", { name: "Bench Technician" });
  const statuses = ["SCHEDULED", "SCHEDULED", "ACCEPTED", "IN_PROGRESS", "REVISIT"] as const;
  for (let i = 0; i < TASKS; i++) {
    const site = await createSite(db, organisation.id, { name: `Block ${i + 1}` });
    const workOrder = await createWorkOrder(db, {
      organisationId: organisation.id,
      siteId: site.id,
      title: `Annual boiler service, flat ${i + 1}`,
    });
    await createServiceTasks(db, workOrder);
    const task = await createAssignment(db, {
      workOrderId: workOrder.id,
      contractorCompanyId: company.id,
      status: statuses[i % statuses.length],
      technicianIds: [technician.person.id],
    });
    await db.assignment.update({
      where: { id: task.id },
      data: { scheduledAt: new Date(Date.now() + (i - 5) * 86_400_000) },
    });
  }
  return technician.user;
}

// A real sign-in link, confirmed in the browser (as e2e/fixtures.ts signInAs does), so
// the session cookie is the one the app issues.
async function signedInState(browser: Browser, user: { id: string; email: string }) {
  const secret = newLinkSecret();
  await db.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "SIGN_IN",
      email: user.email,
      userId: user.id,
      redirectTo: "/tech",
      expiresAt: new Date(Date.now() + 600_000),
    },
  });
  const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(`/link/${secret}`);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.pathname === "/tech");
  const state = await context.storageState();
  await context.close();
  return state;
}

type TStorageState = Awaited<ReturnType<typeof signedInState>>;

// A fresh context (no HTTP cache, no service worker) so every script the page needs is
// fetched once; gzip level 9 of each file's bytes, as a server would send them.
async function measureFirstLoadJs(browser: Browser, storageState: TStorageState) {
  const context = await browser.newContext({ baseURL, storageState, serviceWorkers: "block" });
  const page = await context.newPage();
  const scripts = new Map<string, Promise<Buffer>>();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script" || scripts.has(response.url())) return;
    scripts.set(response.url(), response.body());
  });
  await page.goto("/tech", { waitUntil: "networkidle" });
  let bytes = 0;
  for (const [url, body] of scripts) {
    const gzipped = gzipSync(await body, { level: 9 }).length;
    bytes += gzipped;
    console.log(`#   ${(gzipped / 1024).toFixed(1).padStart(6)} KiB  ${new URL(url).pathname}`);
  }
  await context.close();
  console.log(`# ${scripts.size} scripts on first load of /tech`);
  console.log(`BENCH tech_first_load_js_kib=${(bytes / 1024).toFixed(1)}`);
}

async function measureOfflineColdStart(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto("/tech");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const hasTaskList = await page
    .locator(TASK_LIST)
    .first()
    .waitFor({ timeout: 10_000 })
    .then(
      () => true,
      () => false,
    );
  const selector = hasTaskList ? TASK_LIST : SHELL_FALLBACK;
  if (!hasTaskList)
    console.log(`# note: no task appeared in ${TASK_LIST}; timing until "${SHELL_FALLBACK}" is visible instead`);
  await page.locator(selector).first().waitFor();
  await page.close();

  await context.setOffline(true);
  const samples: number[] = [];
  for (let run = 1; run <= COLD_START_RUNS; run++) {
    const tab = await context.newPage();
    const response = await tab.goto("/tech", { waitUntil: "commit" });
    if (!response?.fromServiceWorker()) throw new Error("Offline /tech was not answered by the service worker.");
    // performance.now() counts from this document's navigation start.
    const visibleAt = await tab.waitForFunction(
      (target) => {
        const element = document.querySelector(target);
        if (!element) return false;
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden"
          ? performance.now()
          : false;
      },
      selector,
      { polling: "raf", timeout: 30_000 },
    );
    const ms = (await visibleAt.jsonValue()) as number;
    samples.push(ms);
    console.log(`# offline cold start run ${run}: ${ms.toFixed(1)} ms`);
    await tab.close();
  }
  await context.setOffline(false);
  const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  console.log(`BENCH tech_offline_cold_start_ms=${Math.round(median)}`);
}

// 50 queued mutations (photos aside) flushed once back online: offline, the technician
// records a check result 50 times on a task in progress (each tap is one queued change);
// the time runs from the network coming back to the app showing everything synced.
async function measureFlush50(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto("/tech");
  await page.getByTestId("pending-count").filter({ hasText: "All changes synced" }).waitFor();
  await page.getByTestId("task-list").getByRole("link").first().waitFor();
  const inProgress = page.locator('section[aria-label="On site now"] li', { hasText: "In progress" }).first();
  await inProgress.getByRole("link").click();
  await context.setOffline(true);
  const check = page.getByRole("group", { name: "Flue gas analysis result" });
  for (let i = 0; i < 50; i++) await check.getByRole("button", { name: i % 2 ? "Fail" : "Pass" }).click();
  await page.getByTestId("pending-count").filter({ hasText: "50 changes waiting to sync" }).waitFor();
  const started = Date.now();
  await context.setOffline(false);
  await page.getByTestId("pending-count").filter({ hasText: "All changes synced" }).waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  await page.close();
  console.log(`BENCH tech_flush_50_ms=${ms}`);
}

// Lighthouse 12.2.3 (13 needs Node 22) on /tech as a phone sees it: its default mobile
// settings, simulated throttling, signed in with the technician's cookie, a fresh
// Chromium each run. The median of the runs' performance scores.
async function measureLighthouse(storageState: TStorageState) {
  const cookie = storageState.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const scores: number[] = [];
  for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
    const chrome = await launchChrome({ chromePath: CHROMIUM_PATH, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
    try {
      const result = await lighthouse(`${baseURL}/tech`, {
        port: chrome.port,
        onlyCategories: ["performance"],
        extraHeaders: { Cookie: cookie },
        logLevel: "error",
      });
      if (!result) throw new Error("Lighthouse returned no result.");
      const score = Math.round((result.lhr.categories.performance.score ?? 0) * 100);
      const cls = result.lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN;
      const lcp = result.lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN;
      console.log(`# lighthouse run ${run}: performance ${score}, CLS ${cls.toFixed(3)}, LCP ${Math.round(lcp)} ms`);
      scores.push(score);
    } finally {
      chrome.kill();
    }
  }
  const median = [...scores].sort((a, b) => a - b)[Math.floor(scores.length / 2)];
  console.log(`BENCH tech_lighthouse_perf=${median}`);
}

buildIfNeeded();
const server = await startServer(appWebServer);
const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
try {
  const technician = await createTechnicianWithTasks();
  console.log(`# technician with ${TASKS} tasks; server ${baseURL}`);
  const storageState = await signedInState(browser, technician);
  await measureFirstLoadJs(browser, storageState);
  await measureLighthouse(storageState);
  const context = await browser.newContext({ baseURL, storageState });
  await measureOfflineColdStart(context);
  await measureFlush50(context);
  await context.close();
} finally {
  await browser.close();
  server.kill();
  await db.$disconnect();
  await database.stop();
}
