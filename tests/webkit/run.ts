import { mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { Builder, By, type WebDriver } from "selenium-webdriver";
import { hashSecret, newLinkSecret } from "../../lib/auth/secrets";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createSite,
  createWorkOrder,
} from "../../prisma/factories";
import { createDbClient } from "../../scripts/db-client";
import { freePort, startProcess, startXvfb, waitFor } from "./processes";
import { startSwitchableProxy } from "./switchable-proxy";

// The technician app in a real WebKit engine, as on an iPhone: WebKitGTK's WebDriver
// (Debian's webkit2gtk-driver) drives its MiniBrowser under Xvfb, through selenium-webdriver,
// against the production build. Sign-in from the emailed link, the task list, the service
// worker, IndexedDB, a reload with no network, and an action taken offline that reaches
// the server exactly once, with the sync line showing one state at a time.
// Usage: node --import tsx tests/webkit/run.ts  (DATABASE_URL; after `next build`)
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const DRIVER = "/usr/bin/WebKitWebDriver";

for (const [path, pkg] of [
  [DRIVER, "webkit2gtk-driver"],
  [MINIBROWSER, "webkit2gtk-driver"],
  ["/usr/bin/Xvfb", "xvfb"],
]) {
  if (!existsSync(path)) {
    console.error(`${path} is missing: install Debian's ${pkg} package (.ci/run does).`);
    process.exit(1);
  }
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL is not set");
const db = createDbClient(databaseUrl, 2);
const started = Date.now();
const step = (text: string) => console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${text}`);

// What the test needs in the database: a technician with one scheduled task.
async function createTechnicianWithTask() {
  const organisation = await createOrganisation(db, {});
  const company = await createContractorCompany(db, [organisation.id], { name: `WebKit Repairs ${organisation.slug}` });
  const technician = await createContractorPerson(db, company.id, "TECHNICIAN", { name: "Wendy WebKit" });
  const site = await createSite(db, organisation.id, { name: "Harbour Office" });
  const workOrder = await createWorkOrder(db, {
    organisationId: organisation.id,
    siteId: site.id,
    title: "Replace kitchen tap",
  });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: company.id,
    status: "SCHEDULED",
    technicianIds: [technician.person.id],
  });
  await db.assignment.update({ where: { id: task.id }, data: { scheduledAt: new Date() } });
  const secret = newLinkSecret();
  await db.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "SIGN_IN",
      email: technician.user.email,
      userId: technician.user.id,
      redirectTo: "/tech",
      expiresAt: new Date(Date.now() + 600_000),
    },
  });
  return { task, title: workOrder.title, link: `/link/${secret}` };
}

const byTestId = (id: string) => By.css(`[data-testid="${id}"]`);
const textOf = async (driver: WebDriver, id: string) => (await driver.findElements(byTestId(id)))[0]?.getText() ?? "";

async function waitUntil(driver: WebDriver, what: string, check: () => Promise<boolean>, timeoutMs = 20_000) {
  await driver.wait(async () => check().catch(() => false), timeoutMs, `Timed out waiting for ${what}`);
}

// A reload that is over: the old document gone, the new one loaded (WebKitGTK's driver can
// return from refresh while the old page still answers).
async function reload(driver: WebDriver) {
  await driver.executeScript("window.__beforeReload = true");
  await driver.navigate().refresh();
  await waitUntil(
    driver,
    "the reloaded page",
    async () =>
      (await driver.executeScript<boolean>("return document.readyState === 'complete' && !window.__beforeReload")) ===
      true,
  );
}

async function clickButton(driver: WebDriver, name: string) {
  const buttons = await driver.findElements(By.css("button"));
  for (const button of buttons) if ((await button.getText()).trim() === name) return button.click();
  throw new Error(`No button "${name}"`);
}

async function flow(driver: WebDriver, appUrl: string, proxy: Awaited<ReturnType<typeof startSwitchableProxy>>) {
  const { task, title, link } = await createTechnicianWithTask();

  await driver.get(`${appUrl}${link}`);
  await waitUntil(
    driver,
    "the sign-in page",
    async () => (await driver.findElement(By.css("h1")).getText()) === "Sign in to Fieldgate",
  );
  await clickButton(driver, "Continue");
  await waitUntil(driver, "the technician app", async () => new URL(await driver.getCurrentUrl()).pathname === "/tech");
  step("signed in from the link");

  await waitUntil(driver, "the task list", async () => (await textOf(driver, "task-list")).includes(title));
  await waitUntil(
    driver,
    "the first sync",
    async () => (await textOf(driver, "pending-count")) === "All changes synced",
  );
  step("task list synced");
  await waitUntil(driver, "the service worker to control the page", () =>
    driver.executeScript<boolean>("return Boolean(navigator.serviceWorker.controller)"),
  );
  const databases = await driver.executeAsyncScript<string[]>(
    "const done = arguments[arguments.length - 1]; indexedDB.databases().then((all) => done(all.map((d) => d.name)));",
  );
  if (!databases.some((name) => name.startsWith("fieldgate-tech-")))
    throw new Error(`No technician database in IndexedDB: ${JSON.stringify(databases)}`);
  step("service worker in control, tasks stored in IndexedDB");

  // No signal: the shell comes from the service worker, the tasks from IndexedDB.
  await proxy.goOffline();
  const reachable = await driver.executeAsyncScript<boolean>(
    "const done = arguments[arguments.length - 1]; fetch('/api/health', { cache: 'no-store' }).then(() => done(true), () => done(false));",
  );
  if (reachable) throw new Error("The server is still reachable with the network cut");
  await reload(driver);
  await waitUntil(driver, "the task list after an offline reload", async () =>
    (await textOf(driver, "task-list")).includes(title),
  );
  step("reloaded offline: task list from the phone");

  // The list can re-render as the phone's data is read: click until the task opens.
  await waitUntil(driver, "the task to open", async () => {
    if (!(await driver.getCurrentUrl()).includes("#/task/"))
      await (await driver.findElements(By.partialLinkText(title)))[0]?.click();
    return (await textOf(driver, "task-status")) !== "";
  });
  await clickButton(driver, "I'm on site");
  await waitUntil(
    driver,
    "the check-in saved on the phone",
    async () => (await textOf(driver, "task-status")) === "In progress",
  );
  await waitUntil(driver, "the change waiting", async () => /1 change/.test(await textOf(driver, "pending-count")));
  step(`checked in offline: "${await textOf(driver, "pending-count")}"`);
  if ((await db.checkIn.count({ where: { assignmentId: task.id } })) !== 0)
    throw new Error("The check-in reached the server while offline");

  // From here on the page records any moment it shows "All changes synced" beside a
  // "Sync failed" alert: one state at a time.
  await driver.executeScript(`
    window.__mixedStates = [];
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid="pending-count"]')?.textContent ?? "";
      const alert = [...document.querySelectorAll('[role="alert"]')].some((a) => a.textContent.includes("Sync failed"));
      if (alert && line === "All changes synced") window.__mixedStates.push(line);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });`);
  await proxy.goOnline();
  const retry = await driver.findElements(By.xpath("//button[normalize-space()='Retry now']"));
  if (retry.length) await retry[0].click();
  await waitUntil(
    driver,
    "the change to sync once back online",
    async () => (await textOf(driver, "pending-count")) === "All changes synced",
    30_000,
  );
  const mixed = await driver.executeScript<string[]>("return window.__mixedStates");
  if (mixed.length)
    throw new Error(`The sync line showed "All changes synced" beside a "Sync failed" alert ${mixed.length} time(s)`);
  if ((await driver.findElements(By.xpath("//*[@role='alert'][contains(., 'Sync failed')]"))).length)
    throw new Error("A stale 'Sync failed' alert is still shown");
  step("back online: synced, one state at a time");

  // Once: another sync, after a reload, sends nothing again.
  await reload(driver);
  await waitUntil(
    driver,
    "a second sync",
    async () => (await textOf(driver, "pending-count")) === "All changes synced",
  );
  const [checkIns, events, assignment] = await Promise.all([
    db.checkIn.count({ where: { assignmentId: task.id } }),
    db.timelineEvent.count({ where: { assignmentId: task.id, type: "technician.checked_in" } }),
    db.assignment.findUniqueOrThrow({ where: { id: task.id } }),
  ]);
  if (checkIns !== 1 || events !== 1 || assignment.status !== "IN_PROGRESS")
    throw new Error(
      `Expected one check-in, one event and the task in progress; got ${checkIns}, ${events}, ${assignment.status}`,
    );
  step("server holds exactly one check-in, one timeline event, the task in progress");
}

const appPort = await freePort();
const proxyPort = await freePort();
const driverPort = await freePort();
const appUrl = `http://127.0.0.1:${proxyPort}`;
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.startsWith("RESEND_")),
) as NodeJS.ProcessEnv;
const app = startProcess("app", process.execPath, ["--import", "tsx", "scripts/http-server.ts", "start"], {
  env: {
    ...inherited,
    NODE_ENV: "production",
    PORT: String(appPort),
    LISTEN_HOST: "127.0.0.1",
    APP_URL: appUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "webkit-secret-webkit-secret-webkit-secret",
    STORAGE_DIR: "data/e2e-files",
    JOBS: "off",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
const xvfb = await startXvfb();
const driverProcess = startProcess("WebKitWebDriver", DRIVER, [`--port=${driverPort}`], {
  env: { ...process.env, DISPLAY: xvfb.display },
});
const proxy = await startSwitchableProxy(proxyPort, appPort);
let driver: WebDriver | undefined;
let failed = false;
try {
  console.log("WebKit: the technician app in WebKitGTK's MiniBrowser");
  await waitFor("the app server", async () => (await fetch(`http://127.0.0.1:${appPort}/api/health`)).ok, 120_000);
  await waitFor("WebKitWebDriver", async () => (await fetch(`http://127.0.0.1:${driverPort}/status`)).ok, 20_000);
  step("app, Xvfb and WebKitWebDriver up");
  driver = await new Builder()
    .usingServer(`http://127.0.0.1:${driverPort}`)
    .withCapabilities({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
    })
    .build();
  const version = await driver.getCapabilities().then((caps) => caps.get("browserVersion"));
  step(`WebKitGTK ${version} session open`);
  await flow(driver, appUrl, proxy);
  console.log(`ok: WebKit flow passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  failed = true;
  console.error(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
  if (driver) {
    await mkdir("test-results", { recursive: true });
    await writeFile("test-results/webkit-failure.png", await driver.takeScreenshot(), "base64").catch(() => undefined);
    console.error(
      `page at ${await driver.getCurrentUrl().catch(() => "?")}; screenshot in test-results/webkit-failure.png`,
    );
  }
  console.error(`app stderr:\n${app.stderr()}`);
  console.error(`WebKitWebDriver stderr:\n${driverProcess.stderr()}`);
} finally {
  await driver?.quit().catch(() => undefined);
  await proxy.stop();
  await Promise.all([driverProcess.stop(), app.stop()]);
  await xvfb.stop();
  await db.$disconnect();
}
process.exit(failed ? 1 : 0);
