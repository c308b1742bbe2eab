import { createDbClient } from "../scripts/db-client";

// Any Content-Security-Policy violation a browser reports during the run (pages, the
// technician app, its workers) fails the run: the teardown lists them.
export default async function globalSetup() {
  const startedAt = new Date();
  return async () => {
    const db = createDbClient(process.env.DATABASE_URL!, 1);
    try {
      const reports = await db.cspReport.findMany({
        where: { createdAt: { gte: startedAt } },
        orderBy: { createdAt: "asc" },
      });
      if (reports.length === 0) return;
      const lines = reports.map(
        (r) =>
          `  ${r.effectiveDirective} blocked ${r.blockedUri ?? "?"} on ${r.documentUri}${r.sourceFile ? ` (${r.sourceFile}:${r.lineNumber ?? "?"})` : ""}${r.sample ? `: ${r.sample}` : ""}`,
      );
      throw new Error(
        `${reports.length} Content-Security-Policy violation(s) were reported during the run:\n${lines.join("\n")}`,
      );
    } finally {
      await db.$disconnect();
    }
  };
}
