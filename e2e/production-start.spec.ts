import { spawn } from "node:child_process";
import pg from "pg";
import { pgConfigFromUrl, withDatabase } from "../lib/database/pg-config";
import { createDbClient } from "../scripts/db-client";
import { expect, test } from "./fixtures";

// `npm start` on an empty database, as a new production installation starts: nothing is
// seeded, demo mode is off, and start-up says so (and warns that without an email provider
// sign-in links reach nobody). A SIGTERM to npm's own process reaches the server, which
// stops, and nothing of npm start is left running.
test("npm start on an empty database seeds nothing, runs without demo mode and says so", async ({ browser }) => {
  test.setTimeout(120_000);
  const name = `fieldgate_start_${Date.now()}_${process.pid}`;
  const databaseUrl = withDatabase(process.env.DATABASE_URL!, name);
  const port = 3150 + test.info().workerIndex;
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(RESEND_|DEMO_MODE|FIELDGATE_SEED)/.test(key)),
  );
  const server = spawn("npm", ["start", "--", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...environment,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "start-test-secret-start-test-secret-0123",
      JOBS: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  try {
    await expect
      .poll(() => output, { timeout: 90_000, message: "the server to start" })
      .toContain(`listening on http://127.0.0.1:${port}`);
    await expect
      .poll(() => output, { message: "the start-up report" })
      .toContain("Fieldgate: production mode, demo mode off (the production default)");
    // Warnings go to stderr, which may arrive after the report on stdout.
    await expect
      .poll(() => output, { message: "the warning that no email can leave" })
      .toContain("sign-in links and notifications cannot reach anyone");
    expect(output).not.toContain("Seed:");

    const page = await (await browser.newContext()).newPage();
    await page.goto(`http://127.0.0.1:${port}/signin`);
    await expect(page.getByRole("heading", { name: "Sign in to Fieldgate" })).toBeVisible();
    await expect(page.getByText(/Demo mode/)).toHaveCount(0);
    expect((await page.goto(`http://127.0.0.1:${port}/mailbox`))?.status()).toBe(404);

    const db = createDbClient(databaseUrl, 1);
    expect(await db.user.count()).toBe(0);
    expect(await db.organisation.count()).toBe(0);
    await db.$disconnect();
    await page.context().close();

    // The platform stops npm itself (not its process group): the server stops and exits.
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    process.kill(server.pid!, "SIGTERM");
    expect(await exited).toBe(0);
    await expect.poll(() => output, { message: "the server's stop" }).toContain("[shutdown] done");
    await expect
      .poll(() =>
        fetch(`http://127.0.0.1:${port}/api/health`).then(
          () => "answering",
          () => "stopped",
        ),
      )
      .toBe("stopped");
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      process.kill(-server.pid!, "SIGKILL");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    const admin = new pg.Client(pgConfigFromUrl(withDatabase(process.env.DATABASE_URL!, "postgres")));
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});
