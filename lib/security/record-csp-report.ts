import "server-only";
import { z } from "zod";
import { SECRET_LINK_PATTERN } from "@/lib/auth/link-urls";
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { consumeRateLimit, rateLimitAddress } from "@/lib/rate-limit";

// A browser's report of something the Content-Security-Policy blocked (report-uri format).
// A violation on a link page reports the page's address, link secret and all: the secret
// is never stored or logged.
const redacted = (value: string) =>
  value.replace(SECRET_LINK_PATTERN, (match, secret: string) => match.replace(secret, "[secret]"));

const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? redacted(v).slice(0, max) : undefined));

const ZCspReportSchema = z.object({
  "csp-report": z.object({
    "document-uri": z.string().transform((v) => redacted(v).slice(0, 2000)),
    "effective-directive": text(200),
    "violated-directive": text(200),
    "blocked-uri": text(2000),
    "source-file": text(2000),
    "line-number": z.number().int().optional(),
    "script-sample": text(200),
  }),
});

// Kept (and logged) so violations are seen; the Playwright run fails on any. Rate limited
// per address, since anyone can post here.
export async function recordCspReport(body: unknown, meta: { ip: string; userAgent: string | null }): Promise<void> {
  const parsed = ZCspReportSchema.safeParse(body);
  if (!parsed.success) throw invalidInput("Not a CSP report");
  await consumeRateLimit(`csp-report:${rateLimitAddress(meta.ip)}`, 60, 60);
  const report = parsed.data["csp-report"];
  const directive = report["effective-directive"] ?? report["violated-directive"] ?? "unknown";
  console.warn(`CSP violation: ${directive} blocked ${report["blocked-uri"] ?? "?"} on ${report["document-uri"]}`);
  await db.cspReport.create({
    data: {
      documentUri: report["document-uri"],
      effectiveDirective: directive,
      blockedUri: report["blocked-uri"],
      sourceFile: report["source-file"],
      lineNumber: report["line-number"],
      sample: report["script-sample"],
      userAgent: meta.userAgent?.slice(0, 500),
    },
  });
}

// Reports are kept 30 days.
export async function removeOldCspReports(): Promise<number> {
  const removed = await db.cspReport.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - 30 * 86_400_000) } },
  });
  return removed.count;
}
