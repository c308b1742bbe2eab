import { spawn } from "node:child_process";
import { expect, test } from "./fixtures";

// A production instance whose database does not answer (here: nothing listens where it
// points): it still starts, its health check says within 2 s that the database is down
// (once its route is loaded: the first request also loads its code, which a loaded CI machine
// can stretch to seconds),
// API routes answer 503 with the reason, and pages say the database is not answering.
test("with its database down, the app answers 503 and says so on its pages, never hangs", async ({ browser }) => {
  test.setTimeout(90_000);
  const port = 3160 + test.info().workerIndex;
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/http-server.ts", "start"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      LISTEN_HOST: "127.0.0.1",
      APP_URL: base,
      DATABASE_URL: "postgresql://postgres@127.0.0.1:9/fieldgate_nowhere",
      AUTH_SECRET: "down-test-secret-down-test-secret-012345",
      JOBS: "off",
      DB_CONNECT_TIMEOUT_MS: "500",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  try {
    await expect.poll(() => output, { timeout: 60_000, message: "the server to start" }).toContain("listening on");
    const first = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(20_000) });
    expect(first.status).toBe(503);
    const started = Date.now();
    const health = await fetch(`${base}/api/health`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, database: "down", jobs: "off" });

    const report = await fetch(`${base}/api/csp-report`, {
      method: "POST",
      headers: { "content-type": "application/csp-report", origin: base },
      body: JSON.stringify({ "csp-report": { "document-uri": `${base}/`, "violated-directive": "script-src" } }),
    });
    expect(report.status).toBe(503);
    expect((await report.json()).error).toMatchObject({ code: "UNAVAILABLE" });

    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/link/${"a".repeat(43)}`);
    await expect(page.getByRole("heading", { name: "The database is not answering" })).toBeVisible();
    await page.context().close();
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
});
