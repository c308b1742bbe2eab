// npm run bench:portal [-- --build] — the customer portal's budgets on a production build.
// Builds first when there is no build (or with --build), serves it as the Playwright tests
// do (on BENCH_PORT, default 3200), uses DATABASE_URL or the embedded test database, makes
// a work order with an estimate of 100 manager-approved lines and a link in each view, and
// prints:
//   BENCH portal_<view>_page_js_kib=<n>  gzipped JS of the view's page beyond the chunks
//                                        every page shares (those /signin loads too)
//   BENCH portal_sign_step_js_kib=<n>    what the sign step adds (the signature pad)
//   BENCH portal_estimate_100_lines_ms p50=<n> p95=<n>
//                                        the estimate page's server time, request to last
//                                        byte, over 50 sequential views
// Shares .next with the test runner: run it under the same lock,
// `flock /tmp/fieldgate-e2e.lock npm run bench:portal`.
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import {
  createAssignment,
  createOrganisation,
  createPortalLink,
  createSite,
  createWorkOrder,
} from "../prisma/factories";
import { createDbClient } from "../scripts/db-client";
import { prepareTestDatabase } from "../tests/test-database";
import { buildIfNeeded, startServer } from "./production-server";

const LINES = 100;
const VIEWS = 50;
const VIEW_NAMES = ["work_authorization", "estimate", "progress", "invoice"] as const;

const database = await prepareTestDatabase();
process.env.DATABASE_URL = database.databaseUrl;
process.env.E2E_PORT = process.env.BENCH_PORT ?? "3200";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const { appWebServer, baseURL, default: playwrightConfig } = await import("../playwright.config");
const db = createDbClient(database.databaseUrl, 4);

async function estimateWithLinks() {
  const organisation = await createOrganisation(db, { name: "Bench Lettings" });
  await db.organisation.update({
    where: { id: organisation.id },
    data: { customerMarkupPercent: "12.5", estimateTerms: "Payment within 30 days.\n".repeat(10) },
  });
  const site = await createSite(db, organisation.id, { name: "Bench Court" });
  const workOrder = await createWorkOrder(db, { organisationId: organisation.id, siteId: site.id });
  const company = await db.contractorCompany.create({
    data: { name: "Bench Contractors", email: "bench@example.test" },
  });
  await createAssignment(db, { workOrderId: workOrder.id, contractorCompanyId: company.id, status: "IN_PROGRESS" });
  const approvedAt = new Date();
  await db.estimateLine.createMany({
    data: Array.from({ length: LINES }, (_, i) => ({
      organisationId: organisation.id,
      workOrderId: workOrder.id,
      position: i,
      description: `Item ${i + 1}: supply, fit and test, with making good`,
      quantity: `${1 + (i % 7)}`,
      unitCode: i % 3 === 0 ? "HUR" : "C62",
      unitPrice: `${(i * 13) % 400}.75`,
      taxPercent: "20",
      approvedAt,
      decision: i % 4 === 0 ? ("PENDING" as const) : ("APPROVED" as const),
    })),
  });
  const links: Record<string, string> = {};
  for (const view of VIEW_NAMES)
    links[view] =
      `/l/${(await createPortalLink(db, { organisationId: organisation.id, workOrderId: workOrder.id, view })).secret}`;
  return { workOrder, links };
}

// The scripts a page loads, by URL, with their gzipped size (level 9, as a server sends them).
async function scriptsOf(
  browser: Browser,
  path: string,
  act?: (page: import("@playwright/test").Page) => Promise<void>,
) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const scripts = new Map<string, Promise<Buffer>>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script" && !scripts.has(response.url()))
      scripts.set(response.url(), response.body());
  });
  await page.goto(path, { waitUntil: "networkidle" });
  if (act) await act(page);
  const sizes = new Map<string, number>();
  for (const [url, body] of scripts) sizes.set(new URL(url).pathname, gzipSync(await body, { level: 9 }).length);
  await context.close();
  return sizes;
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const sum = (sizes: Map<string, number>, except: Map<string, number>) =>
  [...sizes].filter(([path]) => !except.has(path)).reduce((total, [, size]) => total + size, 0);

async function measurePageJs(browser: Browser, links: Record<string, string>) {
  const shared = await scriptsOf(browser, "/signin");
  for (const view of VIEW_NAMES) {
    const sizes = await scriptsOf(browser, links[view]);
    for (const [path, size] of sizes)
      if (!shared.has(path)) console.log(`#   ${view}: ${kib(size).padStart(6)} KiB  ${path}`);
    console.log(`BENCH portal_${view}_page_js_kib=${kib(sum(sizes, shared))}`);
  }
}

// The sign step appears once every line has a decision: what it adds is the pad.
async function measureSignStep(browser: Browser, workOrderId: string, estimate: string) {
  const before = await scriptsOf(browser, estimate);
  await db.estimateLine.updateMany({ where: { workOrderId, decision: "PENDING" }, data: { decision: "APPROVED" } });
  const after = await scriptsOf(browser, estimate, (page) =>
    page
      .getByTestId("signature-canvas")
      .waitFor({ state: "visible" })
      .then(() => page.waitForLoadState("networkidle")),
  );
  console.log(`BENCH portal_sign_step_js_kib=${kib(sum(after, before))}`);
}

async function measureServerTime(estimate: string) {
  const times: number[] = [];
  for (let i = 0; i < VIEWS + 5; i++) {
    const start = performance.now();
    const response = await fetch(`${baseURL}${estimate}`);
    await response.text();
    if (!response.ok) throw new Error(`The estimate page answered ${response.status}.`);
    if (i >= 5) times.push(performance.now() - start); // the first views warm the server
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(`BENCH portal_estimate_${LINES}_lines_ms p50=${at(0.5)} p95=${at(0.95)}`);
}

buildIfNeeded();
const server = await startServer(appWebServer);
const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
try {
  const { workOrder, links } = await estimateWithLinks();
  console.log(`# an estimate of ${LINES} lines; server ${baseURL}`);
  await measureServerTime(links.estimate);
  await measurePageJs(browser, links);
  await measureSignStep(browser, workOrder.id, links.estimate);
} finally {
  await browser.close();
  server.kill();
  await db.$disconnect();
  await database.stop();
}
