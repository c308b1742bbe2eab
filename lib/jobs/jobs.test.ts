import { spawn } from "node:child_process";
import type { TaskList } from "graphile-worker";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { jobPool, queuedJobs, runDueJobs } from "@/tests/jobs";
import { addJob, cancelJob } from "./add-job";
import type { TJobName } from "./job-names";
import { beat, releaseJobsOfDeadWorkers } from "./recover-jobs";
import { cronItems } from "./schedules";
import { startJobWorker } from "./start-job-worker";

const schema = () => process.env.JOBS_SCHEMA!;
// Test tasks go through the same addJob as the app's own.
const testJob = (name: string) => name as TJobName;
const recorder = (name: string) => {
  const runs: unknown[] = [];
  const tasks: TaskList = { [name]: async (payload) => void runs.push(payload) };
  return { runs, tasks };
};
const uniqueName = (what: string) => `test.${what}.${Math.random().toString(36).slice(2, 8)}`;

describe("the job queue", () => {
  it("adds a job in the transaction of the change that causes it: none if it rolls back", async () => {
    const name = uniqueName("tx");
    await expect(
      db.$transaction(async (tx) => {
        await addJob(tx, testJob(name), {} as never);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await queuedJobs(name)).toEqual([]);
    await db.$transaction((tx) => addJob(tx, testJob(name), { n: 1 } as never));
    expect((await queuedJobs(name)).map((j) => j.payload)).toEqual([{ n: 1 }]);
  });

  it("queues the email job with the email, in the same transaction", async () => {
    const before = (await queuedJobs("email.deliver")).length;
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, {
          to: "rolled-back@example.test",
          template: "sign-in-link",
          data: { name: "A", url: "http://x", minutes: 15 },
        });
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect((await queuedJobs("email.deliver")).length).toBe(before);
    await db.$transaction((tx) =>
      enqueueEmail(tx, {
        to: "kept@example.test",
        template: "sign-in-link",
        data: { name: "A", url: "http://x", minutes: 15 },
      }),
    );
    const jobs = await queuedJobs("email.deliver");
    expect(jobs.length).toBe(before + 1);
    expect(jobs.at(-1)).toMatchObject({ queue_name: "email", key: null });
  });

  it("runs a job at its time, not before", async () => {
    const name = uniqueName("later");
    const { runs, tasks } = recorder(name);
    const now = new Date();
    await addJob(db, testJob(name), { at: "later" } as never, { runAt: new Date(now.getTime() + 10 * 60_000) });
    await runDueJobs(new Date(now.getTime() + 5 * 60_000), tasks);
    expect(runs).toEqual([]);
    await runDueJobs(new Date(now.getTime() + 10 * 60_000 + 1000), tasks);
    expect(runs).toEqual([{ at: "later" }]);
    expect(await queuedJobs(name)).toEqual([]);
  });

  it("keeps one pending job per key, replaced by the latest; cancelling the key removes it", async () => {
    const name = uniqueName("keyed");
    const { runs, tasks } = recorder(name);
    const key = `offer-timeout:${name}`;
    await addJob(db, testJob(name), { n: 1 } as never, { key, runAt: new Date(Date.now() + 60_000) });
    await addJob(db, testJob(name), { n: 2 } as never, { key, runAt: new Date(Date.now() + 120_000) });
    const pending = await queuedJobs(name);
    expect(pending.map((j) => j.payload)).toEqual([{ n: 2 }]);
    await cancelJob(db, key);
    expect(await queuedJobs(name)).toEqual([]);
    await runDueJobs(new Date(Date.now() + 3_600_000), tasks);
    expect(runs).toEqual([]);
  });

  it("retries a failed job later, with backoff, and not before", async () => {
    const name = uniqueName("flaky");
    let calls = 0;
    const tasks: TaskList = {
      [name]: async () => {
        if (++calls === 1) throw new Error("provider down");
      },
    };
    const start = new Date();
    await addJob(db, testJob(name), {} as never, { runAt: start });
    await runDueJobs(start, tasks);
    const [failed] = await queuedJobs(name);
    expect(failed).toMatchObject({ attempts: 1, last_error: expect.stringContaining("provider down") });
    const delayMs = failed.run_at.getTime() - start.getTime();
    expect(delayMs).toBeGreaterThan(1000);
    await runDueJobs(start, tasks);
    expect(calls).toBe(1);
    await runDueJobs(new Date(failed.run_at.getTime() + 1000), tasks);
    expect(calls).toBe(2);
    expect(await queuedJobs(name)).toEqual([]);
  });

  it("runs jobs of one queue one at a time, and a job on one worker only", async () => {
    const name = uniqueName("serial");
    let running = 0;
    let most = 0;
    let runs = 0;
    const tasks: TaskList = {
      [name]: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 30));
        running--;
        runs++;
      },
    };
    for (let i = 0; i < 4; i++) await addJob(db, testJob(name), {} as never, { queue: `serial-${name}` });
    const at = new Date(Date.now() + 1000);
    // Three workers at once: each job runs once, and never two of the queue together.
    for (let round = 0; round < 4 && runs < 4; round++)
      await Promise.all([runDueJobs(at, tasks), runDueJobs(at, tasks), runDueJobs(at, tasks)]);
    expect(runs).toBe(4);
    expect(most).toBe(1);
  });

  it("has a schedule for every recurring job", () => {
    const items = cronItems();
    expect(items.map((i) => i.task).sort()).toEqual(["email.deliver", "email.erase-expired-links", "housekeeping"]);
    for (const item of items) expect(item.options.backfillPeriod).toBe(0);
  });
});

describe("recovering jobs", () => {
  it("frees what a dead worker held, never what a live one holds", async () => {
    const name = uniqueName("held");
    await addJob(db, testJob(name), {} as never);
    await addJob(db, testJob(name), {} as never);
    const [dead, alive] = await queuedJobs(name);
    const pool = jobPool();
    try {
      await pool.query(
        `UPDATE "${schema()}"._private_jobs SET locked_by = $2, locked_at = now() - interval '1 minute' WHERE id = $1`,
        [dead.id, `dead-${name}`],
      );
      await pool.query(
        `UPDATE "${schema()}"._private_jobs SET locked_by = $2, locked_at = now() - interval '1 minute' WHERE id = $1`,
        [alive.id, `alive-${name}`],
      );
      await beat(pool, [`alive-${name}`]);
      const released = await releaseJobsOfDeadWorkers(pool, schema());
      expect(released).toContain(`dead-${name}`);
      expect(released).not.toContain(`alive-${name}`);
      const after = await queuedJobs(name);
      expect(after.find((j) => j.id === dead.id)?.locked_by).toBeNull();
      expect(after.find((j) => j.id === alive.id)?.locked_by).toBe(`alive-${name}`);
    } finally {
      await pool.end();
    }
  });

  it("runs a job again after the worker running it is killed with SIGKILL", async () => {
    const name = uniqueName("hang");
    await addJob(db, testJob(name), { marker: "crash" } as never);
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/job-worker-child.ts"],
      {
        env: { ...process.env, NODE_OPTIONS: "", TEST_TASK: name },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    await expect.poll(() => output, { timeout: 30_000, interval: 100 }).toMatch(/started \d+/);
    const [held] = await queuedJobs(name);
    expect(held.locked_by).not.toBeNull();
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    // Until it is known to be dead, nobody else takes it.
    const runs: unknown[] = [];
    const tasks: TaskList = { [name]: async (payload) => void runs.push(payload) };
    await runDueJobs(new Date(), tasks);
    expect(runs).toEqual([]);
    // The dead worker stopped beating: with no grace left (the tests' chosen clock) its job is freed.
    const pool = jobPool();
    try {
      expect(await releaseJobsOfDeadWorkers(pool, schema(), 0)).toContain(held.locked_by);
    } finally {
      await pool.end();
    }
    await runDueJobs(new Date(), tasks);
    expect(runs).toEqual([{ marker: "crash" }]);
  });

  it("keeps working after the database drops its connections", async () => {
    const name = uniqueName("reconnect");
    const runs: unknown[] = [];
    const worker = await startJobWorker({
      databaseUrl: process.env.DATABASE_URL!,
      schema: schema(),
      concurrency: 1,
      schedules: false,
      tasks: { [name]: async (payload) => void runs.push(payload) },
    });
    try {
      await addJob(db, testJob(name), { n: 1 } as never);
      await expect.poll(() => runs.length, { timeout: 15_000, interval: 100 }).toBe(1);
      const pool = jobPool(1);
      await pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'fieldgate-jobs' AND pid <> pg_backend_pid()`,
      );
      await pool.end();
      await addJob(db, testJob(name), { n: 2 } as never);
      await expect.poll(() => runs.length, { timeout: 20_000, interval: 200 }).toBe(2);
    } finally {
      await worker.stop();
    }
  });
});
