import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { TTx } from "@/lib/db";
import { env } from "@/lib/env";
import type { TJobName, TJobPayloads } from "./job-names";

// "Run this job (at this time), keyed by K", written in the caller's transaction: the job
// exists exactly when the change that causes it commits.
// - runAt: not before this instant (default now).
// - key: at most one pending job per key. "replace" (the default) updates the pending one,
//   "preserve_run_at" keeps its time, "unsafe_dedupe" leaves it alone. A job already
//   running under the key is not touched; the new one runs after it.
// - queue: jobs of one queue run one at a time, in order, across every instance.
export type TJobOptions = {
  runAt?: Date;
  key?: string;
  keyMode?: "replace" | "preserve_run_at" | "unsafe_dedupe";
  queue?: string;
  maxAttempts?: number;
  priority?: number;
};

type TExecutor = Pick<TTx | PrismaClient, "$executeRawUnsafe">;

const schema = () => `"${env.JOBS_SCHEMA}"`;

export async function addJob<N extends TJobName>(
  tx: TExecutor,
  name: N,
  payload: TJobPayloads[N],
  options: TJobOptions = {},
): Promise<void> {
  await tx.$executeRawUnsafe(
    `SELECT ${schema()}.add_job($1::text, $2::json, queue_name => $3::text, run_at => $4::timestamptz, max_attempts => $5::int, job_key => $6::text, priority => $7::int, job_key_mode => $8::text)`,
    name,
    JSON.stringify(payload),
    options.queue ?? null,
    options.runAt ?? null,
    options.maxAttempts ?? null,
    options.key ?? null,
    options.priority ?? null,
    options.keyMode ?? "replace",
  );
}

// Cancels the pending job under a key (an accepted offer cancels its timeout). A job
// already running finishes; its handler must find there is nothing left to do.
export async function cancelJob(tx: TExecutor, key: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT ${schema()}.remove_job($1::text)`, key);
}
