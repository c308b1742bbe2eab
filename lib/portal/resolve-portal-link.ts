import "server-only";
import { z } from "zod";
import type { TLinkActor } from "@/lib/auth/actor";
import { hashSecret, LINK_SECRET_PATTERN } from "@/lib/auth/secrets";
import type { TRequestMeta } from "@/lib/auth/sign-in-links";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { now } from "@/lib/time/now";

const ZPortalScopeSchema = z.object({ workOrderId: z.string(), view: z.string() });

// Turns a portal link into an actor whose scope is that one record. Expired and revoked
// links are refused with their own message; unknown ones read as not found.
export async function resolvePortalLink(secret: string, meta: TRequestMeta): Promise<TLinkActor> {
  if (!LINK_SECRET_PATTERN.test(secret)) throw notFound("Link");
  const token = await db.accessToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
  if (!token || token.purpose !== "PORTAL" || !token.organisationId) throw notFound("Link");
  const refused = token.revokedAt ? "revoked" : token.expiresAt <= now() ? "expired" : null;
  await db.accessLog.create({
    data: {
      tokenId: token.id,
      event: refused ? `REFUSED_${refused.toUpperCase()}` : "PORTAL_VIEWED",
      ip: meta.ip,
      userAgent: meta.userAgent,
    },
  });
  if (refused)
    throw new AppError(
      "LINK_EXPIRED",
      refused === "revoked" ? "This link has been withdrawn by the sender." : "This link has expired.",
    );
  const scope = ZPortalScopeSchema.parse(token.scope);
  return {
    kind: "link",
    tokenId: token.id,
    organisationId: token.organisationId,
    workOrderId: scope.workOrderId,
    email: token.email,
  };
}
