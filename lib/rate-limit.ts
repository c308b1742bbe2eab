import "server-only";
import { isIP } from "node:net";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The address a per-IP limit counts: an IPv4 address, or an IPv6 address's /64 network
// (one subscriber is usually given a whole /64, so single addresses would be free to vary).
export function rateLimitAddress(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head, tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

// Counters whose window ended long ago are removed (the window they count restarts anyway).
export async function removeStaleRateLimits(olderThanSeconds = 86_400): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "windowStart" < now() - make_interval(secs => ${olderThanSeconds})`;
}

// Fixed-window counter in PostgreSQL, so every app instance shares the same limit.
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<void> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${windowSeconds})
                     THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count"`;
  if ((rows[0]?.count ?? 0) > limit) {
    throw new AppError("RATE_LIMITED", "Too many requests. Please wait a few minutes and try again.");
  }
}
