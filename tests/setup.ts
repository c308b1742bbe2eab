import { inject } from "vitest";
import { installJobQueue } from "./../lib/jobs/install-job-queue";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.JOBS = "off";
process.env.STORAGE_DIR ??= "data/test-files";
// Seals the link secrets of queued emails (lib/auth/sealed-box.ts).
process.env.AUTH_SECRET ??= "vitest-secret-vitest-secret-vitest-secret";
// Each test process has its own job queue, so the jobs one test runs are its own.
process.env.JOBS_SCHEMA = `graphile_worker_test_${process.env.VITEST_POOL_ID ?? "0"}`;
await installJobQueue(process.env.DATABASE_URL, process.env.JOBS_SCHEMA);
