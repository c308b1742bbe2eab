import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./tests/chromium";

// Runs against a production build (`next build --webpack`) served by the same HTTP server
// `npm start` uses (scripts/http-server.ts). scripts/test.ts prepares the database and sets
// DATABASE_URL before this runs.
// - the app: email goes out through the real Resend SDK to a local fake (tests/fake-resend),
//   the tests' email transport, so no test reads links from the mailbox;
// - a second instance on the same database with no email provider and no jobs, as an
//   installation without email would run: the mailbox tests use it.
const port = Number(process.env.E2E_PORT ?? 3100);
const mailboxPort = port + 1;
const fakeResendPort = port + 90;
export const baseURL = `http://127.0.0.1:${port}`;
export const mailboxURL = `http://127.0.0.1:${mailboxPort}`;
export const fakeResendURL = `http://127.0.0.1:${fakeResendPort}`;

// The machine's own email settings never reach the test servers.
const inherited = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.startsWith("RESEND_")),
) as Record<string, string>;
const serverEnv = {
  ...inherited,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  NEXT_TELEMETRY_DISABLED: "1",
  LISTEN_HOST: "127.0.0.1",
  STORAGE_DIR: "data/e2e-files",
  // Rate limits are tested in integration tests; here many tests share 127.0.0.1.
  LINK_RATE_PER_IP: "10000",
  PASSWORD_RATE_PER_IP: "10000",
};

const appServer = (listenPort: number, env: Record<string, string>) => ({
  command: "node --import tsx scripts/http-server.ts start",
  url: `http://127.0.0.1:${listenPort}/api/health`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: {
    ...serverEnv,
    NODE_ENV: "production" as const,
    PORT: String(listenPort),
    APP_URL: `http://127.0.0.1:${listenPort}`,
    ...env,
  },
});

// The app as the tests serve it (bench/tech.ts serves it the same way).
// Its clock can be moved forward (TEST_CLOCK): only the tests of e2e/clock do, one at a
// time, after every other test has run, so no other test sees time jump.
export const appWebServer = appServer(port, {
  RESEND_API_KEY: "re_e2e_key",
  RESEND_BASE_URL: fakeResendURL,
  TEST_CLOCK: "on",
});

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  // One more try in CI only: on a loaded 2-core machine three fresh-clone runs in a row each
  // lost a different timing-bound test (an edit link swallowed by a live refresh, a
  // defect not yet shown after an offline reload, a perform tap not yet projected). A
  // test that fails twice still fails the run, and the list reporter names every retried
  // test as flaky, so they are seen, not hidden.
  retries: process.env.CI ? 1 : 0,
  // A test's whole time. The CI machine ran the suite 2.2 times slower than a quiet one
  // (e2e 1,528 s against 705 s): the quote pages' accessibility test (25 s when quiet) ran
  // past 60 s there, twice at each width. Only a failing test ever waits this long.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    // The server runs in UTC (scripts/test.ts), the browser in London: times must not
    // depend on either's zone but on the site's.
    timezoneId: "Europe/London",
    trace: "retain-on-failure",
    launchOptions: {
      ...CHROMIUM_LAUNCH,
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: "clock/**" },
    {
      name: "clock",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testMatch: "clock/**/*.spec.ts",
      dependencies: ["chromium"],
      fullyParallel: false,
      // One file at a time: each moves the one server's clock, and a file running beside
      // another would see time jump (the quote test lost its deadline to the reminders').
      workers: 1,
    },
  ],
  webServer: [
    {
      command: `node --import tsx tests/fake-resend-server.ts ${fakeResendPort}`,
      url: `${fakeResendURL}/__fake/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    appWebServer,
    appServer(mailboxPort, { JOBS: "off", DEMO_MODE: "off" }),
  ],
});
