import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { hashSecret } from "@/lib/auth/secrets";
import { fillLinkSecrets, takeLinkSecrets, unsealLinkSecrets } from "./link-secrets";
import { currentTransport, type TEmailTransport } from "./transport";

export const MAX_EMAIL_ATTEMPTS = 6;
const STALE_SENDING_MINUTES = 10;

type TClaimed = { id: string; to: string; subject: string; html: string; text: string; sealedLinks: string | null; attempts: number };

export type TDeliverOptions = {
  transport?: TEmailTransport;
  batch?: number;
  // Demo mode: the mailbox is where people read their email, so its links stay usable
  // there until they expire. Otherwise nobody may use a link from the mailbox.
  keepMailboxLinks?: boolean;
  // Only these emails (tests deliver their own, beside others' waiting in the outbox).
  ids?: string[];
};

function backoffSeconds(attempts: number): number {
  return Math.min(3600, 15 * 2 ** (attempts - 1));
}

// Claims due emails with FOR UPDATE SKIP LOCKED, so several app instances draining at
// once never pick the same row; returns how many were sent.
export async function deliverOutbox(db: PrismaClient, options: TDeliverOptions = {}): Promise<{ sent: number; failed: number }> {
  const transport = options.transport ?? currentTransport();
  const claimed = await db.$queryRaw<TClaimed[]>`
    UPDATE "EmailOutbox" SET "state" = 'SENDING', "attempts" = "attempts" + 1, "nextAttemptAt" = now() + make_interval(mins => ${STALE_SENDING_MINUTES})
    WHERE "id" IN (
      SELECT "id" FROM "EmailOutbox"
      WHERE ("state" = 'PENDING' OR "state" = 'SENDING') AND "nextAttemptAt" <= now()
        AND (${options.ids ?? null}::text[] IS NULL OR "id" = ANY(${options.ids ?? null}::text[]))
      ORDER BY "nextAttemptAt" LIMIT ${options.batch ?? 20} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "subject", "html", "text", "sealedLinks", "attempts"`;
  let sent = 0;
  let failed = 0;
  for (const email of claimed) {
    let secrets: string[];
    try {
      secrets = unsealLinkSecrets(email.sealedLinks);
    } catch {
      failed++;
      await giveUp(db, email.id, "Its links cannot be unsealed: AUTH_SECRET changed after it was queued. Ask for a new link.");
      continue;
    }
    try {
      const fill = (index: number) => secrets[index] ?? "erased";
      const providerId = await transport.send({ ...email, html: fillLinkSecrets(email.html, fill), text: fillLinkSecrets(email.text, fill) });
      const keptUntil = transport.kind === "mailbox" && options.keepMailboxLinks ? await latestLinkExpiry(db, secrets) : null;
      await db.emailOutbox.update({
        where: { id: email.id },
        data: {
          state: "SENT",
          providerId,
          sentAt: new Date(),
          error: null,
          sealedLinks: keptUntil ? email.sealedLinks : null,
          linksKeptUntil: keptUntil,
          // Emails queued before bodies were kept free of secrets still hold them in clear.
          ...scrubbedBodies(email),
        },
      });
      sent++;
    } catch (error) {
      failed++;
      const message = String((error as Error).message ?? error).slice(0, 1000);
      if (email.attempts >= MAX_EMAIL_ATTEMPTS) {
        await giveUp(db, email.id, message);
        continue;
      }
      await db.emailOutbox.update({
        where: { id: email.id },
        data: { state: "PENDING", error: message, nextAttemptAt: new Date(Date.now() + backoffSeconds(email.attempts) * 1000) },
      });
    }
  }
  return { sent, failed };
}

async function giveUp(db: PrismaClient, id: string, error: string): Promise<void> {
  await db.emailOutbox.update({ where: { id }, data: { state: "FAILED", error, sealedLinks: null, linksKeptUntil: null } });
}

function scrubbedBodies(email: { html: string; text: string }): { html?: string; text?: string } {
  const scrubbed = takeLinkSecrets(email);
  return scrubbed.secrets.length ? { html: scrubbed.html, text: scrubbed.text } : {};
}

// Until when a link in a delivered demo email can still be used; null when none can.
async function latestLinkExpiry(db: PrismaClient, secrets: string[]): Promise<Date | null> {
  if (secrets.length === 0) return null;
  const latest = await db.accessToken.aggregate({
    where: { tokenHash: { in: secrets.map(hashSecret) }, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    _max: { expiresAt: true },
  });
  return latest._max.expiresAt;
}

// The demo mailbox's links are erased once they have expired.
export async function eraseExpiredMailboxLinks(db: PrismaClient): Promise<number> {
  const erased = await db.emailOutbox.updateMany({ where: { linksKeptUntil: { lte: new Date() } }, data: { sealedLinks: null, linksKeptUntil: null } });
  return erased.count;
}
