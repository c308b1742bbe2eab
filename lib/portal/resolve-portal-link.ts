import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { TLinkActor } from "@/lib/auth/actor";
import { hashSecret, LINK_SECRET_PATTERN } from "@/lib/auth/secrets";
import type { TRequestMeta } from "@/lib/auth/sign-in-links";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { consumeRateLimit, rateLimitAddress } from "@/lib/rate-limit";
import { now as presentMoment } from "@/lib/time/now";
import { PORTAL_VIEWS } from "./views";

const UNKNOWN_LINKS_PER_ADDRESS = 30;
const USES_PER_LINK = 600;

const ZPortalScopeSchema = z.object({
  workOrderId: z.string(),
  // Links sent before there were views opened the progress card.
  view: z.enum(PORTAL_VIEWS).catch("progress"),
});

// What a page or a post does with a link, as the access log records it.
export type TPortalUse =
  "PORTAL_VIEWED" | "PORTAL_DECIDED" | "PORTAL_COMMENTED" | "PORTAL_SIGNED" | "PORTAL_DOWNLOADED" | "PORTAL_STREAMED";

export type TRefusedLink = {
  refused: "expired" | "revoked";
  organisationName: string;
  // Whom to contact: the manager who sent it.
  sender: { name: string; email: string } | null;
  view: (typeof PORTAL_VIEWS)[number];
};

export type TOpenedLink = { ok: true; actor: TLinkActor } | ({ ok: false } & TRefusedLink);

// Opens a customer's link. Opening (GET or HEAD, by a person or a mail scanner, any number
// of times) writes an access-log row and the first- and last-opened marks, nothing else.
// An unknown link is not found and counts against the address; an expired or withdrawn
// one says so, names the organisation and whom to contact.
export async function openPortalLink(
  secret: string,
  meta: TRequestMeta,
  use: TPortalUse = "PORTAL_VIEWED",
  now = presentMoment(),
): Promise<TOpenedLink> {
  const unknown = async () => {
    await consumeRateLimit(`portal-link:ip:${rateLimitAddress(meta.ip)}`, UNKNOWN_LINKS_PER_ADDRESS, 15 * 60);
    return notFound("Link");
  };
  if (!LINK_SECRET_PATTERN.test(secret)) throw await unknown();
  const token = await db.accessToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
  if (!token || token.purpose !== "PORTAL" || !token.organisationId) throw await unknown();
  const scope = ZPortalScopeSchema.parse(token.scope);
  const refused = token.revokedAt ? "revoked" : token.expiresAt <= now ? "expired" : null;
  // What an opening writes, in one statement beside the link's own limit (a script cannot
  // hammer one work order through it): the log row, and the opened marks.
  const event = refused ? `REFUSED_${refused.toUpperCase()}` : use;
  await Promise.all([
    db.$executeRaw`
      WITH logged AS (
        INSERT INTO "AccessLog" (id, "tokenId", email, event, ip, "userAgent", "createdAt")
        VALUES (${`c${randomBytes(12).toString("hex")}`}, ${token.id}, ${token.email}, ${event}, ${meta.ip}, ${meta.userAgent}, ${now})
      )
      UPDATE "AccessToken" SET "lastOpenedAt" = ${now}, "firstOpenedAt" = COALESCE("firstOpenedAt", ${now})
      WHERE id = ${token.id} AND ${refused === null}`,
    consumeRateLimit(`portal-link:token:${token.id}`, USES_PER_LINK, 15 * 60),
  ]);
  if (refused) {
    const [organisation, sender] = await Promise.all([
      db.organisation.findUniqueOrThrow({ where: { id: token.organisationId }, select: { name: true } }),
      token.createdById
        ? db.user.findUnique({ where: { id: token.createdById }, select: { name: true, email: true } })
        : null,
    ]);
    return { ok: false, refused, organisationName: organisation.name, sender, view: scope.view };
  }
  return {
    ok: true,
    actor: {
      kind: "link",
      tokenId: token.id,
      organisationId: token.organisationId,
      workOrderId: scope.workOrderId,
      email: token.email,
      view: scope.view,
    },
  };
}

// For posts: the link's actor, or an error saying why it no longer works.
export async function resolvePortalLink(
  secret: string,
  meta: TRequestMeta,
  use: TPortalUse = "PORTAL_VIEWED",
): Promise<TLinkActor> {
  const opened = await openPortalLink(secret, meta, use);
  if (opened.ok) return opened.actor;
  throw new AppError(
    "LINK_EXPIRED",
    `${opened.refused === "revoked" ? "This link has been withdrawn" : "This link has expired"}: nothing was changed. Ask ${opened.organisationName} for a new link.`,
  );
}
