import "server-only";
import type { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { portalLinkUrl } from "@/lib/auth/link-urls";
import { hashSecret, newLinkSecret } from "@/lib/auth/secrets";
import { workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import type { ZSendPortalLinkSchema } from "./schemas";
import { formatMoment } from "@/lib/time/zones";

// A customer, owner or tenant link: scoped to one work order, expiring (48 h by default),
// revocable, never an account.
export async function sendPortalLink(actor: TStaffActor, input: z.infer<typeof ZSendPortalLinkSchema>) {
  return db.$transaction(async (tx) => {
    const workOrder = await tx.workOrder.findFirst({ where: { ...workOrderScope(actor), id: input.workOrderId } });
    if (!workOrder) throw notFound("Work order");
    const secret = newLinkSecret();
    const expiresAt = new Date(Date.now() + input.expiresInHours * 3_600_000);
    const token = await tx.accessToken.create({
      data: {
        tokenHash: hashSecret(secret),
        purpose: "PORTAL",
        email: input.email,
        organisationId: actor.organisationId,
        scope: { workOrderId: workOrder.id, view: "progress" },
        expiresAt,
      },
    });
    const url = portalLinkUrl(secret);
    await enqueueEmail(tx, {
      to: input.email,
      organisationId: actor.organisationId,
      template: "portal-link",
      data: {
        clientName: actor.organisationName,
        title: `#${workOrder.number} ${workOrder.title}`,
        url,
        // On the organisation's clock, named: the customer may be anywhere.
        expiresAt: formatMoment(expiresAt, actor.organisationTimeZone, null),
      },
    });
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: workOrder.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "portal.link_sent",
      data: { to: input.email, expiresAt: expiresAt.toISOString(), tokenId: token.id },
    });
    return { tokenId: token.id, url };
  });
}

export async function revokePortalLink(actor: TStaffActor, tokenId: string) {
  const result = await db.accessToken.updateMany({
    where: { id: tokenId, purpose: "PORTAL", organisationId: actor.organisationId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw notFound("Link");
}
