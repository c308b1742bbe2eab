import { Resend } from "resend";
import type { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

export const MAX_EMAIL_ATTEMPTS = 6;
const STALE_SENDING_MINUTES = 10;

export type TProvider = (email: { id: string; to: string; subject: string; html: string; text: string }) => Promise<string>;

function resendProvider(apiKey: string): TProvider {
  // The SDK reads RESEND_BASE_URL itself; tests point it at a local fake server.
  const resend = new Resend(apiKey);
  return async (email) => {
    const { data, error } = await resend.emails.send(
      { from: env.EMAIL_FROM, to: [email.to], subject: email.subject, html: email.html, text: email.text },
      // The outbox id makes a retry after a lost reply a no-op at Resend.
      { idempotencyKey: `outbox-${email.id}` },
    );
    if (error || !data) throw new Error(error?.message ?? "Resend returned no id");
    return data.id;
  };
}

// With no provider configured, "delivery" is the built-in mailbox page reading the outbox.
const mailboxProvider: TProvider = async (email) => `mailbox:${email.id}`;

export function currentProvider(): TProvider {
  const apiKey = process.env.RESEND_API_KEY ?? env.RESEND_API_KEY;
  return apiKey ? resendProvider(apiKey) : mailboxProvider;
}

function backoffSeconds(attempts: number): number {
  return Math.min(3600, 15 * 2 ** (attempts - 1));
}

// Claims due emails with FOR UPDATE SKIP LOCKED, so several app instances draining at
// once never pick the same row; returns how many were sent.
export async function deliverOutbox(db: PrismaClient, provider: TProvider = currentProvider(), batch = 20): Promise<{ sent: number; failed: number }> {
  const claimed = await db.$queryRaw<{ id: string; to: string; subject: string; html: string; text: string; attempts: number }[]>`
    UPDATE "EmailOutbox" SET "state" = 'SENDING', "attempts" = "attempts" + 1, "nextAttemptAt" = now() + make_interval(mins => ${STALE_SENDING_MINUTES})
    WHERE "id" IN (
      SELECT "id" FROM "EmailOutbox"
      WHERE ("state" = 'PENDING' OR "state" = 'SENDING') AND "nextAttemptAt" <= now()
      ORDER BY "nextAttemptAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "subject", "html", "text", "attempts"`;
  let sent = 0;
  let failed = 0;
  for (const email of claimed) {
    try {
      const providerId = await provider(email);
      await db.emailOutbox.update({ where: { id: email.id }, data: { state: "SENT", providerId, sentAt: new Date(), error: null } });
      sent++;
    } catch (error) {
      failed++;
      const giveUp = email.attempts >= MAX_EMAIL_ATTEMPTS;
      await db.emailOutbox.update({
        where: { id: email.id },
        data: {
          state: giveUp ? "FAILED" : "PENDING",
          error: String((error as Error).message ?? error).slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + backoffSeconds(email.attempts) * 1000),
        },
      });
    }
  }
  return { sent, failed };
}
