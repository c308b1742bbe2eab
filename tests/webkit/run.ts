import { mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { Builder, type WebDriver } from "selenium-webdriver";
import { createDbClient } from "../../scripts/db-client";
import { freePort, startProcess, startXvfb, waitFor } from "./processes";
import { startSwitchableProxy } from "./switchable-proxy";
import { visitFlow } from "./visit-flow";

// The technician app in a real WebKit engine, as on an iPhone: WebKitGTK's WebDriver
// (Debian's webkit2gtk-driver) drives its MiniBrowser under Xvfb, through selenium-webdriver,
// against the production build, at a phone's width: the whole visit offline
// (tests/webkit/visit-flow.ts).
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
  await driver
    .manage()
    .window()
    .setRect({ width: 390, height: 844 })
    .catch(() => undefined);
  await visitFlow(driver, appUrl, proxy, db, step);
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
