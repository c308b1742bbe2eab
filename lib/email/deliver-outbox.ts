import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { hashSecret } from "@/lib/auth/secrets";
import { fillLinkSecrets, takeLinkSecrets, unsealLinkSecrets } from "./link-secrets";
import {
  currentTransport,
  MAX_BATCH,
  TransportError,
  type TEmailAttachment,
  type TEmailTransport,
  type TOutgoingEmail,
} from "./transport";

export const MAX_EMAIL_ATTEMPTS = 6;
// A sender holds a batch this long; after it (the sender died), another takes it over.
export const BATCH_LEASE_SECONDS = 30;

export type TDeliverOptions = {
  transport?: TEmailTransport;
  batchSize?: number;
  // Demo mode: the mailbox is where people read their email, so its links stay usable
  // there until they expire. Otherwise nobody may use a link from the mailbox.
  keepMailboxLinks?: boolean;
  // Only these emails (tests deliver their own, beside others' waiting in the outbox).
  ids?: string[];
};

export type TDeliveryPass = { batchId: string | null; sent: number; failed: number };

// The provider refused the request as a whole; the batch keeps its emails and is sent
// again, the same request, when the job retries.
export class DeliveryFailed extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = "DeliveryFailed";
  }
}

type TBatch = { id: string; emailIds: string[]; attempts: number };
type TStored = {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  sealedLinks: string | null;
  attachments: Prisma.JsonValue;
};

// One request's worth: take over a batch whose sender stopped, or make one from the
// emails waiting; record it before sending (so a crash mid-request is retried as the same
// request, under the same key), send it, and settle each email.
export async function deliverOutbox(db: PrismaClient, options: TDeliverOptions = {}): Promise<TDeliveryPass> {
  const transport = options.transport ?? currentTransport();
  const batch =
    (await takeOverStaleBatch(db, options.ids)) ??
    (await claimNewBatch(db, Math.min(options.batchSize ?? MAX_BATCH, MAX_BATCH), options.ids));
  if (!batch) return { batchId: null, sent: 0, failed: 0 };

  const stored = await db.emailOutbox.findMany({
    where: { id: { in: batch.emailIds } },
    select: { id: true, to: true, subject: true, html: true, text: true, sealedLinks: true, attachments: true },
  });
  // In the order the batch was first made, so every attempt is the same request.
  const emails = batch.emailIds.map((id) => stored.find((e) => e.id === id)).filter((e): e is TStored => Boolean(e));
  const unreadable: string[] = [];
  const outgoing: (TOutgoingEmail & { secrets: string[]; sealedLinks: string | null })[] = [];
  for (const email of emails) {
    try {
      const secrets = unsealLinkSecrets(email.sealedLinks);
      const fill = (index: number) => secrets[index] ?? "erased";
      outgoing.push({
        ...email,
        attachments: email.attachments as TEmailAttachment[] | null,
        html: fillLinkSecrets(email.html, fill),
        text: fillLinkSecrets(email.text, fill),
        secrets,
      });
    } catch {
      unreadable.push(email.id);
    }
  }

  let results: Awaited<ReturnType<TEmailTransport["sendBatch"]>> = [];
  if (outgoing.length) {
    try {
      results = await transport.sendBatch(
        outgoing.map(({ id, to, subject, html, text, attachments }) => ({
          id,
          to,
          subject,
          html,
          text,
          attachments: attachments as TEmailAttachment[] | null,
        })),
        `batch-${batch.id}`,
      );
    } catch (error) {
      await releaseAfterFailure(db, batch, error);
      throw error instanceof TransportError && error.rateLimited
        ? error
        : new DeliveryFailed(`Email batch ${batch.id} was not sent: ${messageOf(error)}`, error);
    }
  }

  const keepUntil = new Map<string, Date | null>();
  if (transport.kind === "mailbox" && options.keepMailboxLinks)
    for (const email of outgoing) keepUntil.set(email.id, await latestLinkExpiry(db, email.secrets));
  // Each email's outcome, settled with the batch in one statement: a batch of 100 is one
  // round trip, never an interactive transaction that can time out after delivery (which
  // left the batch delivered but unrecorded, and sent again after its lease).
  const outcomes: TOutcome[] = [
    ...outgoing.map((email, index): TOutcome => {
      const result = results[index];
      if (!result?.ok)
        return {
          ...FAILED_OUTCOME,
          id: email.id,
          error: result?.error ?? "The provider gave no answer for this email.",
        };
      const kept = keepUntil.get(email.id) ?? null;
      // Emails queued before bodies were kept free of secrets still hold them in clear.
      const scrubbed = scrubbedBodies(stored.find((s) => s.id === email.id)!);
      return {
        id: email.id,
        sent: true,
        providerId: result.providerId,
        error: null,
        sealedLinks: kept ? email.sealedLinks : null,
        linksKeptUntil: kept?.toISOString() ?? null,
        html: scrubbed.html ?? null,
        text: scrubbed.text ?? null,
      };
    }),
    ...unreadable.map((id) => ({
      ...FAILED_OUTCOME,
      id,
      error: "Its links cannot be unsealed: AUTH_SECRET changed after it was queued. Ask for a new link.",
    })),
  ];
  await recordBatchOutcome(db, batch.id, outcomes);
  const sent = outcomes.filter((o) => o.sent).length;
  const failed = outcomes.length - sent;
  return { batchId: batch.id, sent, failed };
}

type TOutcome = {
  id: string;
  sent: boolean;
  providerId: string | null;
  error: string | null;
  sealedLinks: string | null;
  linksKeptUntil: string | null;
  html: string | null;
  text: string | null;
};
const FAILED_OUTCOME = {
  sent: false,
  providerId: null,
  sealedLinks: null,
  linksKeptUntil: null,
  html: null,
  text: null,
};

async function recordBatchOutcome(db: PrismaClient, batchId: string, outcomes: TOutcome[]): Promise<void> {
  await db.$executeRaw`
    WITH outcome AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) AS o(
        id text, sent boolean, "providerId" text, error text, "sealedLinks" text,
        "linksKeptUntil" timestamptz, html text, text text)
    ), settled AS (
      UPDATE "EmailOutbox" AS e SET
        "state" = CASE WHEN o.sent THEN 'SENT'::"EmailState" ELSE 'FAILED'::"EmailState" END,
        "providerId" = CASE WHEN o.sent THEN o."providerId" ELSE e."providerId" END,
        "sentAt" = CASE WHEN o.sent THEN now() AT TIME ZONE 'UTC' ELSE e."sentAt" END,
        "error" = o.error,
        "batchId" = NULL,
        "sealedLinks" = o."sealedLinks",
        "linksKeptUntil" = o."linksKeptUntil" AT TIME ZONE 'UTC',
        "html" = COALESCE(o.html, e.html),
        "text" = COALESCE(o.text, e.text)
      FROM outcome AS o WHERE e."id" = o.id
    )
    -- A data-modifying WITH runs to completion whether or not it is read.
    UPDATE "EmailBatch" SET "state" = 'SENT', "sentAt" = now() AT TIME ZONE 'UTC', "error" = NULL
    WHERE "id" = ${batchId}`;
}

const messageOf = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 1000);

async function takeOverStaleBatch(db: PrismaClient, ids: string[] | undefined): Promise<TBatch | null> {
  const [batch] = await db.$queryRaw<TBatch[]>`
    UPDATE "EmailBatch" SET "attempts" = "attempts" + 1, "leaseUntil" = now() + make_interval(secs => ${BATCH_LEASE_SECONDS})
    WHERE "id" = (
      SELECT "id" FROM "EmailBatch"
      WHERE "state" = 'SENDING' AND "leaseUntil" <= now() AND (${ids ?? null}::text[] IS NULL OR "emailIds" <@ ${ids ?? null}::text[])
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING "id", "emailIds", "attempts"`;
  if (!batch) return null;
  await db.emailOutbox.updateMany({ where: { id: { in: batch.emailIds } }, data: { attempts: { increment: 1 } } });
  return batch;
}

async function claimNewBatch(db: PrismaClient, size: number, ids: string[] | undefined): Promise<TBatch | null> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; attached: boolean }[]>`
      SELECT "id", "attachments" IS NOT NULL AS attached FROM "EmailOutbox"
      WHERE "state" = 'PENDING' AND (${ids ?? null}::text[] IS NULL OR "id" = ANY(${ids ?? null}::text[]))
      ORDER BY "createdAt", "id" LIMIT ${size} FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return null;
    // An email with an attachment is a request of its own (the batch endpoint drops
    // attachments): it goes alone, and plain emails go together up to the next one.
    const firstAttached = rows.findIndex((r) => r.attached);
    const taken = firstAttached === 0 ? rows.slice(0, 1) : firstAttached > 0 ? rows.slice(0, firstAttached) : rows;
    const emailIds = taken.map((r) => r.id);
    const batch = await tx.emailBatch.create({
      data: { emailIds, leaseUntil: new Date(Date.now() + BATCH_LEASE_SECONDS * 1000) },
      select: { id: true, emailIds: true, attempts: true },
    });
    await tx.emailOutbox.updateMany({
      where: { id: { in: emailIds } },
      data: { state: "SENDING", batchId: batch.id, attempts: { increment: 1 } },
    });
    return batch;
  });
}

// The batch can be taken over at once (by the retry); after its last attempt its emails fail.
async function releaseAfterFailure(db: PrismaClient, batch: TBatch, error: unknown): Promise<void> {
  const message = messageOf(error);
  const rateLimited = error instanceof TransportError && error.rateLimited;
  if (!rateLimited && batch.attempts >= MAX_EMAIL_ATTEMPTS) {
    await db.$transaction(async (tx) => {
      await giveUp(tx, batch.emailIds, message);
      await tx.emailBatch.update({ where: { id: batch.id }, data: { state: "FAILED", error: message } });
    });
    return;
  }
  await db.$transaction([
    db.emailBatch.update({
      where: { id: batch.id },
      data: { leaseUntil: new Date(), error: message, ...(rateLimited ? { attempts: { decrement: 1 } } : {}) },
    }),
    db.emailOutbox.updateMany({
      where: { id: { in: batch.emailIds } },
      data: { error: message, ...(rateLimited ? { attempts: { decrement: 1 } } : {}) },
    }),
  ]);
}

type TWriter = Pick<PrismaClient, "emailOutbox">;

async function giveUp(tx: TWriter, ids: string[], error: string): Promise<void> {
  await tx.emailOutbox.updateMany({
    where: { id: { in: ids } },
    data: { state: "FAILED", error, batchId: null, sealedLinks: null, linksKeptUntil: null },
  });
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
  const erased = await db.emailOutbox.updateMany({
    where: { linksKeptUntil: { lte: new Date() } },
    data: { sealedLinks: null, linksKeptUntil: null },
  });
  return erased.count;
}
