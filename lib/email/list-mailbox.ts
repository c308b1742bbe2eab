import "server-only";
import { db } from "@/lib/db";

// The built-in mailbox: every email in the outbox, newest first. Shown to admins and to
// anyone in demo mode, so links can be followed without an email provider.
export async function listMailbox(options: { to?: string; organisationId?: string | null; take?: number } = {}) {
  return db.emailOutbox.findMany({
    where: {
      ...(options.to ? { to: options.to.toLowerCase() } : {}),
      ...(options.organisationId !== undefined ? { organisationId: options.organisationId } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
    select: { id: true, to: true, subject: true, template: true, state: true, attempts: true, error: true, createdAt: true, sentAt: true, html: true, text: true },
  });
}
