import "server-only";
import { hashSecret } from "@/lib/auth/secrets";
import { mailboxScope, type TMailboxAccess } from "@/lib/authz/mailbox";
import { db } from "@/lib/db";
import { fillLinkSecrets, unsealLinkSecrets } from "./link-secrets";
import { presentEmailText, type TLinkView, type TTextSegment } from "./present-email";

// The built-in mailbox: the outbox as the reader may see it (lib/authz/mailbox.ts), newest
// first, with each link shown usable or hidden.
export async function listMailbox(access: TMailboxAccess, options: { to?: string; take?: number } = {}) {
  return db.emailOutbox.findMany({
    where: { AND: [mailboxScope(access), options.to ? { to: options.to.toLowerCase() } : {}] },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 100,
    select: { id: true, to: true, subject: true, template: true, state: true, createdAt: true },
  });
}

export type TMailboxEmail = {
  id: string;
  to: string;
  subject: string;
  template: string;
  state: string;
  attempts: number;
  error: string | null;
  createdAt: Date;
  text: TTextSegment[];
  html: string;
};

export async function readMailboxEmail(access: TMailboxAccess, id: string): Promise<TMailboxEmail | null> {
  const email = await db.emailOutbox.findFirst({ where: { AND: [mailboxScope(access), { id }] } });
  if (!email) return null;
  const links = await linkViews(access, email.sealedLinks);
  const view = (index: number): TLinkView =>
    links[index] ?? { hidden: access.links === "hidden" ? "hidden" : "erased" };
  return {
    id: email.id,
    to: email.to,
    subject: email.subject,
    template: email.template,
    state: email.state,
    attempts: email.attempts,
    error: email.error,
    createdAt: email.createdAt,
    text: presentEmailText(email.text, view),
    html: fillLinkSecrets(email.html, (index) => {
      const link = view(index);
      return "secret" in link ? link.secret : link.hidden;
    }),
  };
}

// Each link of an email: its secret while the link can still be used and the reader may
// use it, otherwise why it is not shown.
async function linkViews(access: TMailboxAccess, sealedLinks: string | null): Promise<TLinkView[]> {
  if (access.links === "hidden" || !sealedLinks) return [];
  let secrets: string[];
  try {
    secrets = unsealLinkSecrets(sealedLinks);
  } catch {
    return [];
  }
  const tokens = await db.accessToken.findMany({ where: { tokenHash: { in: secrets.map(hashSecret) } } });
  const now = Date.now();
  return secrets.map((secret) => {
    const token = tokens.find((t) => t.tokenHash === hashSecret(secret));
    if (!token || token.revokedAt) return { hidden: "erased" };
    if (token.usedAt) return { hidden: "used" };
    if (token.expiresAt.getTime() <= now) return { hidden: "expired" };
    return { secret };
  });
}
