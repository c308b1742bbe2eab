import "server-only";
import type { TTx } from "@/lib/db";
import { WAKE_CHANNEL } from "@/lib/jobs/runner";
import { sealLinkSecrets, takeLinkSecrets } from "./link-secrets";
import { renderEmail, type TEmailTemplate } from "./templates";

// Emails are written to the outbox in the caller's transaction: if the change rolls back,
// no email goes out; if it commits, the job runner delivers it. organisationId names the
// client organisation the email is sent on behalf of (its admins see it in the mailbox).
export async function enqueueEmail(
  tx: TTx,
  message: { to: string; organisationId?: string | null } & TEmailTemplate,
): Promise<{ id: string }> {
  const rendered = renderEmail(message);
  const bodies = takeLinkSecrets(rendered);
  // Delivered to listeners only when the transaction commits: wakes the outbox job at once.
  await tx.$executeRaw`SELECT pg_notify(${WAKE_CHANNEL}, 'outbox')`;
  return tx.emailOutbox.create({
    data: {
      to: message.to.toLowerCase(),
      organisationId: message.organisationId ?? null,
      template: message.template,
      subject: rendered.subject,
      html: bodies.html,
      text: bodies.text,
      sealedLinks: sealLinkSecrets(bodies.secrets),
    },
    select: { id: true },
  });
}
