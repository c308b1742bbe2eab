import "server-only";
import { z } from "zod";
import { hashSecret, LINK_SECRET_PATTERN } from "@/lib/auth/secrets";
import type { TRequestMeta } from "@/lib/auth/sign-in-links";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { consumeRateLimit, rateLimitAddress } from "@/lib/rate-limit";
import { now as presentMoment } from "@/lib/time/now";

// Someone answering one invitation: through its emailed link, or a contractor's person
// from the Desk (lib/quotes/desk-bidder.ts). Nothing else is in scope.
export type TBidder = { invitationId: string; organisationId: string; label: string; tokenId: string | null };

const UNKNOWN_LINKS_PER_ADDRESS = 30;
const ZQuoteScopeSchema = z.object({ invitationId: z.string() });

// Opens a quote link. Opening (GET or HEAD, by a person or a mail scanner, any number of
// times) writes an access-log row and the invitation's first-opened mark, nothing else. An
// unknown link is not found; an expired or withdrawn one says who sent it and whom to ask.
export async function resolveQuoteLink(
  secret: string,
  meta: TRequestMeta,
  use: "QUOTE_VIEWED" | "QUOTE_ANSWERED" = "QUOTE_VIEWED",
  now = presentMoment(),
): Promise<TBidder> {
  // Guessing at links is slowed down: every unknown link counts against the address.
  const unknown = async () => {
    await consumeRateLimit(`quote-link:ip:${rateLimitAddress(meta.ip)}`, UNKNOWN_LINKS_PER_ADDRESS, 15 * 60);
    return notFound("Link");
  };
  if (!LINK_SECRET_PATTERN.test(secret)) throw await unknown();
  const token = await db.accessToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
  if (!token || token.purpose !== "QUOTE" || !token.organisationId) throw await unknown();
  const { invitationId } = ZQuoteScopeSchema.parse(token.scope);
  const refused = token.revokedAt ? "revoked" : token.expiresAt <= now ? "expired" : null;
  await db.accessLog.create({
    data: {
      tokenId: token.id,
      email: token.email,
      event: refused ? `REFUSED_${refused.toUpperCase()}` : use,
      ip: meta.ip,
      userAgent: meta.userAgent,
    },
  });
  if (refused) {
    const invitation = await db.quoteInvitation.findUnique({
      where: { id: invitationId },
      select: { quoteRequest: { select: { organisation: { select: { name: true } }, createdById: true } } },
    });
    const sender = invitation?.quoteRequest.createdById
      ? await db.user.findUnique({
          where: { id: invitation.quoteRequest.createdById },
          select: { name: true, email: true },
        })
      : null;
    const organisation = invitation?.quoteRequest.organisation.name ?? "The sender";
    throw new AppError(
      "LINK_EXPIRED",
      `${refused === "revoked" ? "This link has been withdrawn" : "This link has expired"}. It was sent by ${organisation}${sender ? `; contact ${sender.name} (${sender.email})` : ""} for a new one.`,
    );
  }
  await db.quoteInvitation.updateMany({
    where: { id: invitationId, firstOpenedAt: null },
    data: { firstOpenedAt: now },
  });
  return { invitationId, organisationId: token.organisationId, label: token.email, tokenId: token.id };
}
