import { randomUUID } from "node:crypto";
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fakeResendURL } from "../playwright.config";
import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { createSignInLink, db, emailTo, expect, signInAs, test } from "./fixtures";

// A rolling deploy stops an instance with SIGTERM while a technician's phone is sending
// 40 changes: the instance stops taking connections, finishes the request (all 40 applied,
// the answer sent), stops its job runner and removes its worker's row, closes its pool and
// exits 0; the email queue is not left locked, so another instance sends at once.
// The instance is two server processes sharing the port (WEB_CONCURRENCY=2), one of them
// running the jobs: the signal reaches both, and the instance exits once both have done.
test("SIGTERM in the middle of a sync lets the request finish, releases the jobs and exits 0", async ({
  browser,
  tenant,
}) => {
  test.setTimeout(120_000);
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "PERFORMED",
    technicianIds: [tenant.technician.person.id],
  });
  const port = 3170 + test.info().workerIndex;
  const base = `http://127.0.0.1:${port}`;
  const workersBefore = await db.jobWorker.count();
  const instance = spawn(process.execPath, ["--import", "tsx", "scripts/http-server.ts", "start"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      LISTEN_HOST: "127.0.0.1",
      APP_URL: base,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      STORAGE_DIR: "data/e2e-files",
      RESEND_API_KEY: "re_e2e_key",
      RESEND_BASE_URL: fakeResendURL,
      LOG_SYNC: "true",
      WEB_CONCURRENCY: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  instance.stdout.on("data", (chunk) => (output += chunk));
  instance.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => instance.once("exit", (code) => resolve(code)));
  try {
    await expect
      .poll(() => output.split("listening on").length - 1, { timeout: 60_000, message: "both processes to start" })
      .toBe(2);
    await expect.poll(() => db.jobWorker.count(), { message: "its job worker to beat" }).toBeGreaterThan(workersBefore);
    expect(output.match(/jobs on/g)).toHaveLength(1);

    // A process that dies is replaced, in the same role (here the one without the jobs).
    const servingOnly = serverProcesses(instance.pid!).find((pid) =>
      readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes("JOBS=off"),
    )!;
    process.kill(servingOnly, "SIGKILL");
    await expect
      .poll(() => output, { message: "a replacement" })
      .toContain(`server process ${servingOnly} ended (SIGKILL): starting another`);
    await expect.poll(() => output.split("listening on").length - 1, { timeout: 60_000 }).toBe(3);
    await expect.poll(() => serverProcesses(instance.pid!), { timeout: 10_000 }).toHaveLength(2);
    expect(output.match(/jobs on/g)).toHaveLength(1);

    // The technician's phone, signed in on this instance.
    const phone = await (await browser.newContext({ baseURL: base })).newPage();
    await phone.goto(await createSignInLink(tenant.technician.user.id, "/tech"));
    await phone.getByRole("button", { name: "Continue" }).click();
    await phone.waitForURL(/\/tech/);
    const now = Date.now();
    const mutations = Array.from({ length: 40 }, (_, i) => ({
      mutationId: randomUUID(),
      taskId: task.id,
      seq: i + 1,
      deviceAt: new Date(now).toISOString(),
      type: "record_time",
      timeEntryId: randomUUID(),
      startedAt: new Date(now - (i + 2) * 3_600_000).toISOString(),
      minutes: 30,
      labourType: "NORMAL",
    }));
    const sync = phone.request.post("/api/tech/sync", {
      data: { deviceId: randomUUID(), mutations },
      headers: { origin: base },
    });
    // The deploy's signal, once the server has applied the second of the 40.
    await expect.poll(() => output, { timeout: 30_000, intervals: [5] }).toContain("[sync] applied 2/40");
    instance.kill("SIGTERM");
    const answer = await sync;
    expect(answer.status()).toBe(200);
    const { results } = (await answer.json()) as { results: { outcome: string }[] };
    expect(results.map((r) => r.outcome)).toEqual(mutations.map(() => "applied"));
    expect(await db.timeEntry.count({ where: { assignmentId: task.id } })).toBe(40);
    expect(await exited).toBe(0);
    expect(output).toMatch(/\[shutdown\] SIGTERM: taking no new connections; \d+ request\(s\) in flight/);
    expect(output.match(/\[shutdown\] done/g)).toHaveLength(2);
    expect(output).not.toContain("still running at the end of the grace period");
    await phone.context().close();

    // Its worker is gone and holds nothing: another instance's worker sends a new email now.
    expect(await db.jobWorker.count()).toBe(workersBefore);
    const held = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM graphile_worker._private_job_queues q
       WHERE q.locked_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "JobWorker" w WHERE w."workerId" = q.locked_by)`,
    );
    expect(held[0].count).toBe(0);
    const staff = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${workOrder.id}`);
    await staff.getByLabel("Message (the other side is emailed)").fill("Thanks: please send the report.");
    const sentAt = Date.now();
    await staff.getByRole("button", { name: "Send message" }).click();
    await emailTo(tenant.office.user.email, /wrote about/);
    expect(Date.now() - sentAt).toBeLessThan(10_000);
    await staff.context().close();
  } finally {
    if (instance.exitCode === null) instance.kill("SIGKILL");
  }
});

// The live ones: a killed process stays listed, as a zombie, until it is reaped.
// The instance's server processes: its live children running the server, not the
// esbuild service tsx may start beside them (it came and went between runs, and a count of
// every child then read three).
const serverProcesses = (parent: number) =>
  execFileSync("ps", ["-o", "pid=,stat=,args=", "--ppid", String(parent)], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, stat, ...args]) => pid && !stat?.startsWith("Z") && args.some((a) => a.endsWith("http-server.ts")))
    .map(([pid]) => Number(pid));
