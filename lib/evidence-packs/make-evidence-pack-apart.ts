import "server-only";
import { spawn } from "node:child_process";
import path from "node:path";

// Makes a pack in a Node process of its own (scripts/make-evidence-pack.ts), so the work
// that cannot be split — pdfkit opens and subsets the fonts synchronously, about 100 ms
// each — never holds the event loop of the web instance or worker that took the job, and
// the operating system can run it on another core. The process inherits this one's
// environment (database, storage, APP_URL); a failure ends it with a non-zero code, which
// fails the job as makeEvidencePack's own error would.
export function makeEvidencePackApart(packId: string): Promise<void> {
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
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`The evidence pack process ended with ${signal ? `signal ${signal}` : `code ${code}`}.`)),
    );
  });
}
