import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { TTenantActor } from "@/lib/auth/actor";
import { hashSecret, LINK_SECRET_PATTERN } from "@/lib/auth/secrets";
import type { TRequestMeta } from "@/lib/auth/sign-in-links";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { consumeRateLimit, rateLimitAddress } from "@/lib/rate-limit";
import { now as presentMoment } from "@/lib/time/now";
import { requestReference } from "./reference";

const UNKNOWN_LINKS_PER_ADDRESS = 30;
const USES_PER_LINK = 300;
const ZScope = z.object({ tenantRequestId: z.string() });

export type TOpenedRequestLink =
  { ok: true; actor: TTenantActor } | { ok: false; organisationName: string; reference: string };

// A tenant's request link. Opening it writes the access log and nothing else; an unknown
// one is not found and counts against the address; an expired one says so and names the
// organisation (the tenant's newest email carries a fresh link).
export async function openRequestLink(
  secret: string,
  meta: TRequestMeta,
  use: "TENANT_VIEWED" | "TENANT_CHANGED" = "TENANT_VIEWED",
  now = presentMoment(),
): Promise<TOpenedRequestLink> {
  const unknown = async () => {
    await consumeRateLimit(`request-link:ip:${rateLimitAddress(meta.ip)}`, UNKNOWN_LINKS_PER_ADDRESS, 15 * 60);
    return notFound("Link");
  };
  if (!LINK_SECRET_PATTERN.test(secret)) throw await unknown();
  const token = await db.accessToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
  if (!token || token.purpose !== "TENANT_REQUEST" || !token.organisationId || token.revokedAt) throw await unknown();
  const { tenantRequestId } = ZScope.parse(token.scope);
  const expired = token.expiresAt <= now;
  await Promise.all([
    db.accessLog.create({
      data: {
        id: `c${randomBytes(12).toString("hex")}`,
        tokenId: token.id,
        email: token.email,
        event: expired ? "REFUSED_EXPIRED" : use,
        ip: meta.ip,
        userAgent: meta.userAgent,
        createdAt: now,
      },
    }),
    consumeRateLimit(`request-link:token:${token.id}`, USES_PER_LINK, 15 * 60),
  ]);
  if (expired) {
    const organisation = await db.organisation.findUniqueOrThrow({
      where: { id: token.organisationId },
      select: { name: true },
    });
    return { ok: false, organisationName: organisation.name, reference: requestReference(tenantRequestId) };
  }
  return {
    ok: true,
    actor: {
      kind: "tenant",
      tokenId: token.id,
      organisationId: token.organisationId,
      tenantRequestId,
      email: token.email,
    },
  };
}
