import { startJobWorker } from "@/lib/jobs/start-job-worker";

// A worker in its own process for the crash test (lib/jobs/jobs.test.ts): it takes the
// job, says so, and never finishes, until the test kills it with SIGKILL.
await startJobWorker({
  databaseUrl: process.env.DATABASE_URL!,
  schema: process.env.JOBS_SCHEMA!,
  concurrency: 1,
  schedules: false,
  tasks: {
    [process.env.TEST_TASK!]: async (_payload, helpers) => {
      console.log(`started ${helpers.job.id}`);
      await new Promise(() => undefined);
    },
  },
});
console.log("worker ready");
