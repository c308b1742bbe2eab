import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { portalLinkUrl } from "@/lib/auth/link-urls";
import { hashSecret, newLinkSecret } from "@/lib/auth/secrets";
import { staffRolesWith } from "@/lib/authz/permissions";
import { workOrderScope } from "@/lib/authz/scopes";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { staffApproverEmails } from "@/lib/invoices/staff-approver-emails";
import { now } from "@/lib/time/now";
import { formatMoment } from "@/lib/time/zones";
import { recordEvent } from "@/lib/timeline/record-event";
import type { TCreatePortalLinkInput, TSendPortalLinkInput } from "./schemas";
import { PORTAL_VIEW_WORDS, type TPortalView } from "./views";

const LINK_ENDING = 4;

type TNewLink = {
  workOrderId: string;
  view: TPortalView;
  email: string;
  expiresInHours: number;
  message?: string | null;
};

// One customer link: scoped to one work order in one view, expiring at a stored moment
// (48 hours means 48 hours from now), revocable, never an account. Only the secret's hash
// and its last characters (to tell links apart) are kept.
async function createLink(tx: TTx, actor: TStaffActor, input: TNewLink) {
  const workOrder = await tx.workOrder.findFirst({
    where: { ...workOrderScope(actor), id: input.workOrderId },
    select: { id: true, number: true, title: true, archivedAt: true, customerContact: true },
  });
  if (!workOrder) throw notFound("Work order");
  if (workOrder.archivedAt) throw new AppError("CONFLICT", "This work order is archived: no new link can be sent.");
  const contact = await tx.contact.findFirst({
    where: { organisationId: actor.organisationId, email: input.email },
    select: { name: true },
  });
  const secret = newLinkSecret();
  const expiresAt = new Date(now().getTime() + input.expiresInHours * 3_600_000);
  const token = await tx.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "PORTAL",
      email: input.email,
      organisationId: actor.organisationId,
      workOrderId: workOrder.id,
      scope: { workOrderId: workOrder.id, view: input.view, ending: secret.slice(-LINK_ENDING) },
      createdById: actor.userId,
      recipientName: contact?.name ?? null,
      message: input.message ?? null,
      expiresAt,
    },
  });
  await recordEvent(tx, {
    organisationId: actor.organisationId,
    workOrderId: workOrder.id,
    actor: { userId: actor.userId, label: actor.name },
    type: "portal.link_sent",
    data: { to: input.email, view: input.view, expiresAt: expiresAt.toISOString(), tokenId: token.id },
  });
  return { token, secret, url: portalLinkUrl(secret), workOrder, expiresAt };
}

// Sends a link to each recipient, from a template, and a copy to every manager that shows
// whom it went to and each link's ending, never a working link.
export async function sendPortalLink(actor: TStaffActor, input: TSendPortalLinkInput) {
  return db.$transaction(async (tx) => {
    const words = PORTAL_VIEW_WORDS[input.view];
    const sent = [];
    for (const email of input.emails) {
      const link = await createLink(tx, actor, { ...input, email });
      const expiresAt = formatMoment(link.expiresAt, actor.organisationTimeZone, null);
      await enqueueEmail(tx, {
        to: email,
        organisationId: actor.organisationId,
        template: "portal-link",
        data: {
          clientName: actor.organisationName,
          title: `#${link.workOrder.number} ${link.workOrder.title}`,
          url: link.url,
          expiresAt,
          view: words.label,
          purpose: words.purpose,
          message: input.message,
          senderName: actor.name,
        },
      });
      sent.push({ ...link, expiresAtWords: expiresAt });
    }
    const first = sent[0];
    for (const to of await staffApproverEmails(tx, actor.organisationId, staffRolesWith("portal.send")))
      await enqueueEmail(tx, {
        to,
        organisationId: actor.organisationId,
        template: "portal-link-copy",
        data: {
          clientName: actor.organisationName,
          title: `#${first.workOrder.number} ${first.workOrder.title}`,
          view: words.label,
          recipients: sent.map((link) => `${link.token.email} (…${link.secret.slice(-LINK_ENDING)})`),
          linkEnding: sent.map((link) => link.secret.slice(-LINK_ENDING)).join(", …"),
          expiresAt: first.expiresAtWords,
          senderName: actor.name,
          url: `${env.APP_URL}/staff/work-orders/${first.workOrder.id}`,
        },
      });
    return { sent: sent.map((link) => ({ tokenId: link.token.id, email: link.token.email, url: link.url })) };
  });
}

// A link to paste into one's own email: shown once to the person who made it, then listed
// by its ending only. Nothing is emailed.
export async function createPortalLink(actor: TStaffActor, input: TCreatePortalLinkInput) {
  return db.$transaction(async (tx) => {
    const link = await createLink(tx, actor, input);
    return { tokenId: link.token.id, url: link.url };
  });
}

// Withdraws a link at once; withdrawing one withdrawn already changes nothing.
export async function revokePortalLink(actor: TStaffActor, tokenId: string) {
  return db.$transaction(async (tx) => {
    const token = await tx.accessToken.findFirst({
      where: { id: tokenId, purpose: "PORTAL", organisationId: actor.organisationId },
    });
    if (!token) throw notFound("Link");
    if (token.revokedAt) return { revoked: false };
    await tx.accessToken.update({ where: { id: token.id }, data: { revokedAt: now() } });
    if (token.workOrderId)
      await recordEvent(tx, {
        organisationId: actor.organisationId,
        workOrderId: token.workOrderId,
        actor: { userId: actor.userId, label: actor.name },
        type: "portal.link_revoked",
        data: { to: token.email, view: viewOf(token.scope), tokenId: token.id },
      });
    return { revoked: true };
  });
}

// "Send a new link" to the person an earlier link went to: the same view, 48 hours, and
// the earlier link withdrawn if it still works.
export async function resendPortalLink(actor: TStaffActor, tokenId: string) {
  const token = await db.accessToken.findFirst({
    where: { id: tokenId, purpose: "PORTAL", organisationId: actor.organisationId, workOrderId: { not: null } },
  });
  if (!token?.workOrderId) throw notFound("Link");
  if (!token.revokedAt && token.expiresAt > now()) await revokePortalLink(actor, token.id);
  return sendPortalLink(actor, {
    workOrderId: token.workOrderId,
    view: viewOf(token.scope),
    emails: [token.email],
    message: token.message,
    expiresInHours: 48,
  });
}

function viewOf(scope: unknown): TPortalView {
  const view = (scope as { view?: string } | null)?.view;
  return view && view in PORTAL_VIEW_WORDS ? (view as TPortalView) : "progress";
}
