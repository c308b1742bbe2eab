import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { deliverOutbox } from "@/lib/email/deliver-outbox";
import type { TEmailTransport, TOutgoingEmail } from "@/lib/email/transport";

// A transport that keeps what it is given, as a provider would deliver it.
export function capturingTransport(): TEmailTransport & { delivered: TOutgoingEmail[]; keys: string[] } {
  const delivered: TOutgoingEmail[] = [];
  const keys: string[] = [];
  return {
    kind: "resend",
    requestsPerSecond: Infinity,
    delivered,
    keys,
    sendBatch: async (emails, idempotencyKey) => {
      keys.push(idempotencyKey);
      delivered.push(...emails);
      return emails.map((email) => ({ ok: true as const, providerId: `test-${email.id}` }));
    },
  };
}

// The integration tests' email transport: delivers the newest waiting email to an address
// and returns it as the recipient gets it, links and all (the outbox itself keeps none).
export async function deliverLatestEmail(
  to: string,
  where: Prisma.EmailOutboxWhereInput = {},
): Promise<TOutgoingEmail> {
  const email = await db.emailOutbox.findFirstOrThrow({
    where: { to: to.toLowerCase(), state: "PENDING", ...where },
    orderBy: { createdAt: "desc" },
  });
  const transport = capturingTransport();
  await deliverOutbox(db, { ids: [email.id], transport });
  const delivered = transport.delivered.find((e) => e.id === email.id);
  if (!delivered) throw new Error(`The email ${email.id} to ${to} was not delivered`);
  return delivered;
}

export function linkSecretIn(email: { text: string }): string {
  const secret = /\/(?:link|l|q)\/([A-Za-z0-9_-]{43})/.exec(email.text)?.[1];
  if (!secret) throw new Error("The email holds no sign-in or portal link");
  return secret;
}
