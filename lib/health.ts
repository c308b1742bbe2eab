import "server-only";
import { db } from "@/lib/db";
import { HEARTBEAT_MS } from "@/lib/jobs/recover-jobs";
import { workerStatus } from "@/lib/jobs/worker-status";

export type THealth = {
  ok: boolean;
  // "not answering": no answer within the check's time (a stuck or saturated database).
  database: "up" | "down" | "not answering";
  // This instance's job worker: off (JOBS=off), running, or not beating (its heartbeat
  // to the database has failed for three beats).
  jobs: "off" | "running" | "stopping" | "not beating";
};

// Says within `timeoutMs` which part is down, whatever the database does.
export async function checkHealth({ timeoutMs = 1_500, now = Date.now() } = {}): Promise<THealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const database = await Promise.race([
    db.$queryRaw`SELECT 1`.then(
      () => "up" as const,
      () => "down" as const,
    ),
    new Promise<"not answering">((resolve) => (timer = setTimeout(() => resolve("not answering"), timeoutMs))),
  ]);
  clearTimeout(timer);
  const worker = workerStatus();
  const jobs =
    worker.state === "running" && (worker.lastBeatAt === null || now - worker.lastBeatAt > 3 * HEARTBEAT_MS)
      ? "not beating"
      : worker.state;
  return { ok: database === "up" && jobs !== "not beating", database, jobs };
}
