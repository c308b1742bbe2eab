import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { assertStaffCan } from "@/lib/authz/permissions";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { instantIn } from "@/lib/time/local-time";
import type { TLocalDateTime } from "@/lib/time/calendar";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { formatMoment } from "@/lib/time/zones";
import { linkExpiry, quotePhase } from "./quote-phase";
import { cancelQuoteReminders, scheduleQuoteReminder } from "./remind-bidder";

// The request, locked so a cancel, an extension and an award go one at a time.
async function lockRequest(tx: TTx, actor: TStaffActor, quoteRequestId: string) {
  await tx.$executeRaw`SELECT 1 FROM "QuoteRequest" WHERE id = ${quoteRequestId} AND "organisationId" = ${actor.organisationId} FOR UPDATE`;
  const request = await tx.quoteRequest.findFirst({
    where: { id: quoteRequestId, organisationId: actor.organisationId },
    include: {
      workOrder: { select: { id: true, title: true, site: { select: { timezone: true } } } },
      invitations: { select: { id: true, email: true, status: true, answeredAt: true } },
    },
  });
  if (!request) throw notFound("Request for quote");
  return request;
}

async function tellInvitees(
  tx: TTx,
  actor: TStaffActor,
  request: Awaited<ReturnType<typeof lockRequest>>,
  change: "cancelled" | "deadline",
  detail: string,
) {
  for (const invitation of request.invitations.filter((i) => i.status !== "DECLINED"))
    await enqueueEmail(tx, {
      to: invitation.email,
      organisationId: actor.organisationId,
      template: "quote-request-changed",
      data: { clientName: actor.organisationName, title: request.workOrder.title, change, detail },
    });
}

// Moves the deadline later (on the site's clock), while answers may still come or after
// the old one passed, before an award; every invitee is emailed the new one and every
// link stays readable until 14 days after it. The same deadline again changes nothing.
export async function extendQuoteDeadline(
  actor: TStaffActor,
  input: { quoteRequestId: string; deadline: TLocalDateTime },
  now = presentMoment(),
) {
  assertStaffCan(actor, "quote.send");
  return db.$transaction(async (tx) => {
    const request = await lockRequest(tx, actor, input.quoteRequestId);
    const phase = quotePhase(request, now);
    if (phase !== "open" && phase !== "closed")
      throw new AppError("CONFLICT", `A ${phase} request's deadline cannot be changed.`);
    const zone = request.workOrder.site.timezone ?? actor.organisationTimeZone;
    const deadline = instantIn(input.deadline, zone, undefined, "deadline");
    if (deadline.getTime() === request.deadline.getTime()) return request;
    if (deadline <= now || deadline < request.deadline)
      throw invalidInput("Please correct the highlighted fields.", {
        deadline: ["The new deadline must be in the future and later than the current one"],
      });
    await tx.quoteRequest.update({ where: { id: request.id }, data: { deadline } });
    await tx.accessToken.updateMany({
      where: {
        purpose: "QUOTE",
        revokedAt: null,
        OR: request.invitations.map((i) => ({ scope: { path: ["invitationId"], equals: i.id } })),
      },
      data: { expiresAt: linkExpiry(deadline) },
    });
    const shown = formatMoment(deadline, zone, null);
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: request.workOrder.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "quote.deadline_extended",
      data: { deadline: shown },
    });
    await tellInvitees(tx, actor, request, "deadline", shown);
    for (const invitation of request.invitations.filter((i) => i.status === "INVITED" && !i.answeredAt))
      await scheduleQuoteReminder(tx, invitation.id, deadline, now);
    return { ...request, deadline };
  });
}

// Cancels a request that is not yet awarded; every invitee is emailed the reason and the
// links turn read-only. Cancelling a cancelled request changes nothing.
export async function cancelQuoteRequest(
  actor: TStaffActor,
  input: { quoteRequestId: string; reason: string },
  now = presentMoment(),
) {
  assertStaffCan(actor, "quote.send");
  return db.$transaction(async (tx) => {
    const request = await lockRequest(tx, actor, input.quoteRequestId);
    if (request.status === "CANCELLED") return request;
    if (request.status === "AWARDED") throw new AppError("CONFLICT", "An awarded request cannot be cancelled.");
    await tx.quoteRequest.update({
      where: { id: request.id },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: input.reason },
    });
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: request.workOrder.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "quote.cancelled",
      data: { reason: input.reason },
    });
    if (request.status === "OPEN") await tellInvitees(tx, actor, request, "cancelled", input.reason);
    await cancelQuoteReminders(
      tx,
      request.invitations.map((i) => i.id),
    );
    return { ...request, status: "CANCELLED" as const };
  });
}
