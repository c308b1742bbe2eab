// npm run screenshots [-- --build]: the product as a newcomer sees it, from a production
// build with demo mode on and freshly seeded demo data (its own database,
// `fieldgate_screenshots`, on DATABASE_URL's server or the embedded one).
// - docs/screenshot.png (the README's), docs/screenshot-desk.png, docs/screenshot-tech.png;
// - every main page of every audience at 1366 px and at 390 px, whole pages, in
//   data/screenshots/ (ignored by git), for review.
// Builds first when there is no build or --build is given. Shares .next with `npm test`:
// do not run both at once.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { chromium, type Browser, type Page } from "@playwright/test";
import type { Prisma } from "../generated/prisma/client";
import { createPortalLink } from "../prisma/factories";
import { CHROMIUM_LAUNCH } from "../tests/chromium";
import { isSeeded, seedDemo } from "../prisma/seed";
import { prepareDatabase } from "./database";
import { createDbClient } from "./db-client";

const PORT = Number(process.env.SCREENSHOTS_PORT ?? 3400);
const baseURL = `http://127.0.0.1:${PORT}`;
const OUT = "data/screenshots";
const WIDTHS = [1366, 390] as const;

if (process.argv.includes("--build") || !existsSync(".next/BUILD_ID") || !existsSync("public/sw.js")) {
  console.log("Building: npm run build");
  if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) throw new Error("The build failed.");
}

const database = await prepareDatabase({ database: "fieldgate_screenshots" });
const db = createDbClient(database.databaseUrl, 2);
if (await isSeeded(db)) {
  await db.$executeRawUnsafe(
    `TRUNCATE "Organisation", "User", "ContractorCompany", "AccessToken", "AccessLog", "EmailOutbox", "RateLimitBucket", "SyncMutation" CASCADE`,
  );
}
await seedDemo(db);

async function startServer(): Promise<ChildProcess> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("RESEND_")));
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/http-server.ts", "start"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...env,
      NODE_ENV: "production",
      DATABASE_URL: database.databaseUrl,
      PORT: String(PORT),
      LISTEN_HOST: "127.0.0.1",
      APP_URL: baseURL,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "screenshots-secret-screenshots-secret-00",
      DEMO_MODE: "on",
      JOBS: "off",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server stopped (exit code ${server.exitCode}).`);
    if (
      await fetch(`${baseURL}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The server did not start within 2 minutes.");
}

// One click on the persona's demo button, as a newcomer signs in.
async function signInAsPersona(browser: Browser, name: string, width: number): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width, height: width < 600 ? 844 : 800 },
    deviceScaleFactor: width < 600 ? 2 : 1,
    isMobile: width < 600,
    hasTouch: width < 600,
    timezoneId: "Europe/London",
  });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("listitem").filter({ hasText: name }).getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  return page;
}

async function capture(page: Page, name: string, path: string, width: number, ready?: (page: Page) => Promise<void>) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await ready?.(page);
  await page.screenshot({ path: `${OUT}/${name}-${width}.png`, fullPage: true });
  // What the screen shows first, without scrolling.
  await page.screenshot({ path: `${OUT}/first-screen/${name}-${width}.png` });
}

async function ids() {
  const org = await db.organisation.findFirstOrThrow({ where: { slug: "northwind" } });
  // A task under way if there is one (the demo has a technician on site only some days),
  // else one booked.
  const underWay = async (where: Prisma.AssignmentWhereInput) =>
    (await db.assignment.findFirst({ where: { ...where, status: "IN_PROGRESS" } })) ??
    (await db.assignment.findFirstOrThrow({ where: { ...where, status: { in: ["SCHEDULED", "ACCEPTED"] } } }));
  const liveTask = await underWay({
    organisationId: org.id,
    contractorCompany: { name: { startsWith: "Sparks" } },
    technicians: { some: {} },
  });
  const site = await db.site.findFirstOrThrow({ where: { organisationId: org.id }, orderBy: { name: "asc" } });
  const { secret: portal } = await createPortalLink(db, { organisationId: org.id, workOrderId: liveTask.workOrderId });
  const tom = await db.user.findFirstOrThrow({ where: { email: "tom@sparks.test" } });
  const techTask = await underWay({ technicians: { some: { person: { userId: tom.id } } } });
  const sparks = { contractorCompany: { name: { startsWith: "Sparks" } } };
  const flagged = await db.invoice.findFirstOrThrow({
    where: { ...sparks, status: "SUBMITTED", NOT: { differences: { equals: [] } } },
  });
  const draft = await db.invoice.findFirstOrThrow({ where: { ...sparks, status: "DRAFT" } });
  const apex = await db.contractorCompany.findFirstOrThrow({ where: { name: { startsWith: "Apex" } } });
  return {
    workOrderId: liveTask.workOrderId,
    taskId: liveTask.id,
    siteId: site.id,
    portal,
    techTaskId: techTask.id,
    invoice: { flagged, draft },
    apexId: apex.id,
  };
}

const server = await startServer();
const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(`${OUT}/first-screen`, { recursive: true });
  const { workOrderId, taskId, siteId, portal, techTaskId, invoice, apexId } = await ids();
  // The phone's first sync, then its list.
  const techList = async (page: Page) => {
    await page.getByTestId("pending-count").filter({ hasText: "All changes synced" }).waitFor({ timeout: 30_000 });
    await page.getByTestId("task-list").waitFor();
  };
  const pages: Record<string, { persona: string | null; list: [string, string, ((page: Page) => Promise<void>)?][] }> =
    {
      staff: {
        persona: "Alice Admin",
        list: [
          ["staff-home", "/staff"],
          ["staff-work-order", `/staff/work-orders/${workOrderId}`],
          ["staff-work-order-edit", `/staff/work-orders/${workOrderId}/edit`],
          ["staff-new-work-order", "/staff/work-orders/new"],
          ["staff-sites", "/staff/sites"],
          ["staff-site", `/staff/sites/${siteId}`],
          ["staff-contractors", "/staff/contractors"],
          ["staff-contractor", `/staff/contractors/${apexId}`],
          ["staff-rates", `/staff/contractors/${apexId}/rates`],
          ["staff-invoices", "/staff/invoices?status=SUBMITTED"],
          ["staff-invoice", `/staff/invoices/${invoice.flagged.id}`],
          ["staff-invoiced-work-order", `/staff/work-orders/${invoice.flagged.workOrderId}?tab=money`],
          ["staff-invoice-settings", "/staff/invoices/settings"],
          ["staff-work-order-details", `/staff/work-orders/${workOrderId}?tab=details`],
          ["staff-settings", "/staff/settings"],
        ],
      },
      desk: {
        persona: "Sparks Office",
        list: [
          ["desk-home", "/desk"],
          ["desk-task", `/desk/tasks/${taskId}`],
          ["desk-reports", "/desk/reports"],
          ["desk-invoices", "/desk/invoices"],
          ["desk-invoice", `/desk/invoices/${invoice.draft.id}`],
          ["desk-invoiced-task", `/desk/tasks/${invoice.draft.assignmentId}?tab=money`],
          ["desk-preferences", "/desk/preferences"],
        ],
      },
      deskAdmin: {
        persona: "Sparks Admin",
        list: [
          ["desk-company", "/desk/company"],
          ["desk-company-profile", "/desk/company/profile"],
          ["desk-accreditations", "/desk/company/accreditations"],
          ["desk-rates", "/desk/company/rates"],
        ],
      },
      tech: {
        persona: "Tom (Sparks)",
        list: [
          ["tech-tasks", "/tech", techList],
          [
            "tech-task",
            `/tech#/task/${techTaskId}`,
            async (page) => void (await page.getByTestId("task-view").waitFor()),
          ],
        ],
      },
      anonymous: {
        persona: null,
        list: [
          ["signin", "/signin"],
          ["mailbox", "/mailbox"],
          ["portal", `/l/${portal}`],
          ["verify", "/verify"],
        ],
      },
    };
  for (const width of WIDTHS) {
    for (const { persona, list } of Object.values(pages)) {
      const page = persona
        ? await signInAsPersona(browser, persona, width)
        : await browser.newPage({ baseURL, viewport: { width, height: 800 }, timezoneId: "Europe/London" });
      for (const [name, path, ready] of list) await capture(page, name, path, width, ready);
      await page.context().close();
    }
  }

  // The README's pictures: a desk-sized staff list and Desk, the technician app on a phone.
  const staff = await signInAsPersona(browser, "Alice Admin", 1366);
  await staff.goto("/staff");
  await staff.screenshot({ path: "docs/screenshot.png" });
  const desk = await signInAsPersona(browser, "Sparks Office", 1366);
  await desk.goto("/desk");
  await desk.screenshot({ path: "docs/screenshot-desk.png" });
  const phone = await signInAsPersona(browser, "Tom (Sparks)", 390);
  await phone.goto("/tech");
  await techList(phone);
  await phone.screenshot({ path: "docs/screenshot-tech.png" });
  console.log(`Screenshots: docs/screenshot*.png, and every main page in ${OUT}/ at ${WIDTHS.join(" and ")} px`);
} finally {
  await browser.close();
  server.kill("SIGTERM");
  await db.$disconnect();
  await database.stop();
}
