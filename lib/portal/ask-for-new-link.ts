import "server-only";
import { hashSecret, LINK_SECRET_PATTERN } from "@/lib/auth/secrets";
import type { TRequestMeta } from "@/lib/auth/sign-in-links";
import { staffRolesWith } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { staffApproverEmails } from "@/lib/invoices/staff-approver-emails";
import { consumeRateLimit, rateLimitAddress } from "@/lib/rate-limit";
import { now } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { PORTAL_VIEW_WORDS, isPortalView } from "./views";

const ASK_AGAIN_AFTER_MS = 24 * 3_600_000;

// "Ask for a new link" on an expired or withdrawn link: the organisation's managers are
// told who asks and for what; nothing is ever sent to the asker by itself. Asking again
// within a day tells no one twice.
export async function askForNewPortalLink(secret: string, meta: TRequestMeta) {
  await consumeRateLimit(`portal-ask:ip:${rateLimitAddress(meta.ip)}`, 10, 60 * 60);
  if (!LINK_SECRET_PATTERN.test(secret)) throw notFound("Link");
  const token = await db.accessToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
  if (!token || token.purpose !== "PORTAL" || !token.organisationId || !token.workOrderId) throw notFound("Link");
  const at = now();
  const why = token.revokedAt ? "was withdrawn" : token.expiresAt <= at ? "has expired" : null;
  if (!why) return { asked: false };
  const organisationId = token.organisationId;
  const workOrderId = token.workOrderId;
  return db.$transaction(async (tx) => {
    // One at a time per link, so two clicks tell the managers once.
    await tx.$queryRaw`SELECT id FROM "AccessToken" WHERE id = ${token.id} FOR UPDATE`;
    const recent = await tx.accessLog.count({
      where: {
        tokenId: token.id,
        event: "NEW_LINK_ASKED",
        createdAt: { gt: new Date(at.getTime() - ASK_AGAIN_AFTER_MS) },
      },
    });
    await tx.accessLog.create({
      data: { tokenId: token.id, email: token.email, event: "NEW_LINK_ASKED", ip: meta.ip, userAgent: meta.userAgent },
    });
    if (recent > 0) return { asked: true };
    const workOrder = await tx.workOrder.findUniqueOrThrow({
      where: { id: workOrderId },
      select: { number: true, title: true },
    });
    const scopeView = (token.scope as { view?: unknown }).view;
    const view = PORTAL_VIEW_WORDS[isPortalView(scopeView) ? scopeView : "progress"].label;
    for (const to of await staffApproverEmails(tx, organisationId, staffRolesWith("portal.send")))
      await enqueueEmail(tx, {
        to,
        organisationId,
        template: "portal-new-link-asked",
        data: {
          title: `#${workOrder.number} ${workOrder.title}`,
          who: token.email,
          view,
          why,
          url: `${env.APP_URL}/staff/work-orders/${workOrderId}?tab=customer`,
        },
      });
    await recordEvent(tx, {
      organisationId,
      workOrderId,
      actor: { userId: null, label: token.email },
      type: "portal.new_link_asked",
      data: { to: token.email, why, view },
    });
    return { asked: true };
  });
}
