import "server-only";
import type { TJobOptions } from "@/lib/jobs/add-job";
import { DELIVERY_PRIORITY } from "@/lib/jobs/email-job";
import { db } from "@/lib/db";
import { smsProviderConfigured } from "@/lib/env";
import { sendSms } from "./sms-transport";

export const SMS_BATCH = 50;
// One delivery run at a time across every instance, as for email.
export const SMS_DELIVERY_JOB: TJobOptions = { queue: "sms", priority: DELIVERY_PRIORITY };

// Twilio's "the recipient has opted out" (they replied STOP to our number).
const OPTED_OUT = 21610;

// Delivers the queued texts, each once: a row is claimed (locked, skipped by any other
// runner) and marked sent in the same transaction as its send. A refusal because the
// number opted out marks the number; other failures are kept with their error.
// Without a provider nothing leaves: texts stay queued, readable in the SMS log.
export async function deliverQueuedSms(limit = SMS_BATCH): Promise<{ sent: number; failed: number }> {
  if (!smsProviderConfigured()) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string; to: string; body: string }[]>`
        SELECT id, "to", body FROM "SmsOutbox" WHERE state = 'QUEUED'
        ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!row) return null;
      const result = await sendSms(row.to, row.body);
      if (result.ok) {
        await tx.smsOutbox.update({
          where: { id: row.id },
          data: { state: "SENT", providerId: result.providerId, sentAt: new Date(), attempts: { increment: 1 } },
        });
        return "sent";
      }
      if (result.code === OPTED_OUT)
        await tx.smsOptOut.upsert({
          where: { phone: row.to },
          create: { phone: row.to, source: `twilio ${OPTED_OUT}` },
          update: {},
        });
      await tx.smsOutbox.update({
        where: { id: row.id },
        data: { state: "FAILED", error: result.message.slice(0, 500), attempts: { increment: 1 } },
      });
      return "failed";
    });
    if (outcome === null) break;
    if (outcome === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
}
