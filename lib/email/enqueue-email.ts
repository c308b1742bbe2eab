import "server-only";
import type { TTx } from "@/lib/db";
import { addJobOncePerTransaction } from "@/lib/jobs/add-job-once-per-transaction";
import { EMAIL_DELIVERY_JOB } from "@/lib/jobs/email-job";
import { sealLinkSecrets, takeLinkSecrets } from "./link-secrets";
import { renderEmail, type TEmailTemplate } from "./templates";
import type { TEmailAttachment } from "./transport";

// Emails are written to the outbox in the caller's transaction: if the change rolls back,
// no email goes out; if it commits, the email job delivers it. organisationId names the
// client organisation the email is sent on behalf of (its admins see it in the mailbox).
export async function enqueueEmail(
  tx: TTx,
  message: { to: string; organisationId?: string | null; attachments?: TEmailAttachment[] } & TEmailTemplate,
): Promise<{ id: string }> {
  const rendered = renderEmail(message);
  const bodies = takeLinkSecrets(rendered);
  await addJobOncePerTransaction(tx, "email.deliver", {}, EMAIL_DELIVERY_JOB);
  return tx.emailOutbox.create({
    data: {
      to: message.to.toLowerCase(),
      organisationId: message.organisationId ?? null,
      template: message.template,
      subject: rendered.subject,
      html: bodies.html,
      text: bodies.text,
      sealedLinks: sealLinkSecrets(bodies.secrets),
      ...(message.attachments?.length ? { attachments: message.attachments } : {}),
    },
    select: { id: true },
  });
}
