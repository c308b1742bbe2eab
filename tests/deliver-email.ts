import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { deliverOutbox } from "@/lib/email/deliver-outbox";
import type { TOutgoingEmail } from "@/lib/email/transport";

// The integration tests' email transport: delivers the newest waiting email to an address
// and returns it as the recipient gets it, links and all (the outbox itself keeps none).
export async function deliverLatestEmail(to: string, where: Prisma.EmailOutboxWhereInput = {}): Promise<TOutgoingEmail> {
  const email = await db.emailOutbox.findFirstOrThrow({ where: { to: to.toLowerCase(), state: "PENDING", ...where }, orderBy: { createdAt: "desc" } });
  let delivered: TOutgoingEmail | null = null;
  await deliverOutbox(db, {
    ids: [email.id],
    transport: {
      kind: "resend",
      send: async (outgoing) => {
        delivered = outgoing;
        return `test-${outgoing.id}`;
      },
    },
  });
  if (!delivered) throw new Error(`The email ${email.id} to ${to} was not delivered`);
  return delivered;
}

export function linkSecretIn(email: { text: string }): string {
  const secret = /\/(?:link|l)\/([A-Za-z0-9_-]{43})/.exec(email.text)?.[1];
  if (!secret) throw new Error("The email holds no sign-in or portal link");
  return secret;
}
