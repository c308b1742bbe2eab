// Next.js calls register() once per server instance: start the background job runner.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS === "off") return;
  // The dev server can call register() again after a reload; one runner per process.
  const holder = globalThis as unknown as { fieldgateJobs?: boolean };
  if (holder.fieldgateJobs) return;
  holder.fieldgateJobs = true;
  const { db } = await import("@/lib/db");
  const { requireDatabaseUrl } = await import("@/lib/env");
  const { startJobRunner } = await import("@/lib/jobs/runner");
  await startJobRunner(db, requireDatabaseUrl());
}
