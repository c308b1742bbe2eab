// npm run bench:email — how fast the outbox drains through the real Resend SDK to a local
// fake provider that behaves like Resend: about 80 ms a request, 429 above 2 requests a
// second. 3,000 emails are queued (as the app queues them, with their jobs), then two job
// workers run as separate processes, as two instances would, until every email is sent.
// Prints BENCH email_drain_per_s=<n>; fails on any email delivered twice or not sent.
// Uses DATABASE_URL (its own database, fieldgate_bench_email) or the embedded test server.
import { spawn, type ChildProcess } from "node:child_process";
import { startFakeResend } from "../tests/fake-resend";
import { freshBenchDatabase } from "./fresh-database";

const EMAILS = Number(process.env.BENCH_EMAILS ?? 3000);
const WORKERS = 2;
const AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0";

const server = await freshBenchDatabase("fieldgate_bench_email", { AUTH_SECRET });
const { databaseUrl } = server;

const { db } = await import("../lib/db");
const { enqueueEmail } = await import("../lib/email/enqueue-email");
const fake = await startFakeResend({ latencyMs: 80, maxRequestsPerSecond: 2 });

const queuedAt = Date.now();
for (let start = 0; start < EMAILS; start += 100) {
  await db.$transaction(async (tx) => {
    for (let i = start; i < Math.min(EMAILS, start + 100); i++) {
      await enqueueEmail(tx, {
        to: `recipient-${i}@bench.test`,
        template: "sign-in-link",
        data: { name: `Person ${i}`, url: `http://fg.test/link/${"x".repeat(42)}${i % 10}`, minutes: 15 },
      });
    }
  });
}
console.log(`# ${EMAILS} emails queued in ${Date.now() - queuedAt} ms; starting ${WORKERS} workers`);

const started = Date.now();
const workers: ChildProcess[] = Array.from({ length: WORKERS }, () =>
  spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET,
      RESEND_API_KEY: "re_bench_key",
      RESEND_BASE_URL: fake.url,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
  }),
);

let sent = 0;
const deadline = Date.now() + 10 * 60_000;
while (Date.now() < deadline) {
  sent = await db.emailOutbox.count({ where: { state: "SENT" } });
  if (sent >= EMAILS) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const seconds = (Date.now() - started) / 1000;
const failed = await db.emailOutbox.count({ where: { state: "FAILED" } });
for (const worker of workers) worker.kill("SIGTERM");
await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once("exit", resolve))));

const limited = fake.requests.filter((r) => r.status === 429).length;
const repeats = fake.requests.filter((r) => r.repeated).length;
console.log(
  `# sent ${sent}/${EMAILS}, failed ${failed}, in ${seconds.toFixed(1)} s; ${fake.requests.length} requests (${limited} answered 429, ${repeats} repeats of a key); ${fake.messages.length} delivered, ${fake.duplicates.length} delivered twice`,
);
console.log(`BENCH email_drain_per_s=${Math.round(sent / seconds)}`);
await db.$disconnect();
await fake.stop();
await server.stop();
if (sent < EMAILS || failed > 0 || fake.duplicates.length > 0 || fake.messages.length !== EMAILS) {
  console.error("FAIL: every email must be delivered exactly once");
  process.exit(1);
}
