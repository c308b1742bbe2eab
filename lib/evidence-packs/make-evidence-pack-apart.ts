import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db";

// A pack not made in this long is stuck (a storage or database connection lost midway).
const PACK_TIME_LIMIT_MS = 10 * 60_000;

// Makes a pack in a Node process of its own (scripts/make-evidence-pack.ts), so the work
// that cannot be split — pdfkit opens and subsets the fonts synchronously, about 100 ms
// each — never holds the event loop of the web instance or worker that took the job, and
// the operating system can run it on another core. The process inherits this one's
// environment (database, storage, APP_URL); a failure ends it with a non-zero code, which
// fails the job as makeEvidencePack's own error would. A stuck one is killed and its pack
// marked failed, so the page stops waiting and the person can ask again.
export function makeEvidencePackApart(packId: string, timeLimitMs = PACK_TIME_LIMIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        path.join(process.cwd(), "scripts", "make-evidence-pack.ts"),
        packId,
      ],
      { cwd: process.cwd(), env: process.env, stdio: ["ignore", "inherit", "inherit"] },
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeLimitMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const limit =
        timeLimitMs >= 60_000 ? `${Math.round(timeLimitMs / 60_000)} minutes` : `${Math.ceil(timeLimitMs / 1000)} s`;
      const ended = timedOut
        ? `The pack was not made within ${limit}.`
        : `The evidence pack process ended with ${signal ? `signal ${signal}` : `code ${code}`}.`;
      const markFailed = timedOut
        ? db.evidencePack.updateMany({
            where: { id: packId, status: "PREPARING" },
            data: { status: "FAILED", error: ended },
          })
        : Promise.resolve();
      markFailed.then(
        () => reject(new Error(ended)),
        () => reject(new Error(ended)),
      );
    });
  });
}
