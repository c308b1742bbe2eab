import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { consumeRateLimit, rateLimitAddress } from "@/lib/rate-limit";

export const VERIFY_LIMIT = { perIp: 20, windowSeconds: 15 * 60 };

// Whether a PDF is an evidence pack exactly as Fieldgate made it: its SHA-256 against the
// ones recorded. It says which work order and when, and nothing else (no organisation,
// no content). Rate limited per address, so it cannot be used to probe at speed.
export async function verifyEvidencePack(bytes: Uint8Array, ip: string) {
  await consumeRateLimit(`verify-pack:ip:${rateLimitAddress(ip)}`, VERIFY_LIMIT.perIp, VERIFY_LIMIT.windowSeconds);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const pack = await db.evidencePack.findFirst({
    where: { sha256, status: "READY" },
    select: { completedAt: true, workOrder: { select: { number: true } } },
  });
  if (!pack) return { verified: false as const, sha256 };
  return { verified: true as const, sha256, workOrderNumber: pack.workOrder.number, madeAt: pack.completedAt! };
}
