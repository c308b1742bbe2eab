import "server-only";
import type { TTx } from "@/lib/db";
import { smsProviderConfigured } from "@/lib/env";
import { addJobOncePerTransaction } from "@/lib/jobs/add-job-once-per-transaction";
import { SMS_DELIVERY_JOB } from "./deliver-sms";
import { inQuietHours } from "./quiet-hours";

export const MAX_SMS_LENGTH = 640;

export type TSmsQueued =
  { queued: true; id: string } | { queued: false; why: "opted_out" | "quiet_hours" | "duplicate" };

// Writes a text to the outbox in the caller's transaction (it leaves once that commits),
// unless the number opted out or it is quiet hours on the recipient's clock: the caller
// then sends an email instead. The key makes a second queueing of the same text (a retry,
// a second runner) a no-op.
export async function enqueueSms(
  tx: TTx,
  message: { to: string; body: string; organisationId?: string | null; dedupeKey: string; zone: string; at: Date },
): Promise<TSmsQueued> {
  if (await tx.smsOptOut.findUnique({ where: { phone: message.to } })) return { queued: false, why: "opted_out" };
  if (inQuietHours(message.at, message.zone)) return { queued: false, why: "quiet_hours" };
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "SmsOutbox" (id, "organisationId", "to", body, "dedupeKey", "createdAt")
    VALUES (${`c${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`}, ${message.organisationId ?? null},
            ${message.to}, ${message.body.slice(0, MAX_SMS_LENGTH)}, ${message.dedupeKey}, ${message.at})
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING id`;
  if (!rows[0]) return { queued: false, why: "duplicate" };
  if (smsProviderConfigured()) await addJobOncePerTransaction(tx, "sms.deliver", {}, SMS_DELIVERY_JOB);
  return { queued: true, id: rows[0].id };
}
