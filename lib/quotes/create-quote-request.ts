import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { assertStaffCan } from "@/lib/authz/permissions";
import { workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { instantIn } from "@/lib/time/local-time";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { formatMoment } from "@/lib/time/zones";
import { bidderName } from "./bidder-name";
import { addInvitations, sendInvitationLink, WORK_ORDER_FOR_INVITES } from "./invite-bidders";
import type { TQuoteRequestInput } from "./schemas";

// A request for quote on one of the organisation's work orders, saved as a draft or sent at
// once: sending emails every invitee its own link. The deadline and the site-visit window
// are read on the site's clock and must lie ahead; a request needs at least one invitee
// to be sent.
export async function createQuoteRequest(
  actor: TStaffActor,
  input: TQuoteRequestInput,
  { send }: { send: boolean },
  now = presentMoment(),
) {
  assertStaffCan(actor, "quote.send");
  return db.$transaction(async (tx) => {
    const workOrder = await tx.workOrder.findFirst({
      where: { ...workOrderScope(actor), id: input.workOrderId },
      select: { ...WORK_ORDER_FOR_INVITES, archivedAt: true, status: true },
    });
    if (!workOrder) throw notFound("Work order");
    if (workOrder.archivedAt || workOrder.status === "CANCELLED")
      throw new AppError("CONFLICT", "This work order is closed.");
    const zone = workOrder.site.timezone ?? actor.organisationTimeZone;
    const deadline = instantIn(input.deadline, zone, undefined, "deadline");
    if (deadline <= now)
      throw invalidInput("Please correct the highlighted fields.", {
        deadline: ["The deadline must be in the future"],
      });
    const visitFrom = input.siteVisitFrom ? instantIn(input.siteVisitFrom, zone, undefined, "siteVisitFrom") : null;
    const visitTo = input.siteVisitTo ? instantIn(input.siteVisitTo, zone, undefined, "siteVisitTo") : null;
    if ((visitFrom === null) !== (visitTo === null))
      throw invalidInput("Please correct the highlighted fields.", {
        [visitFrom ? "siteVisitTo" : "siteVisitFrom"]: ["Give both ends of the site-visit window, or neither"],
      });
    if (visitFrom && visitTo && (visitTo <= visitFrom || visitFrom <= now))
      throw invalidInput("Please correct the highlighted fields.", {
        siteVisitTo: ["The site visit must be ahead, and end after it starts"],
      });
    if (send && input.contractorCompanyIds.length + input.suppliers.length === 0)
      throw invalidInput("Please correct the highlighted fields.", {
        contractorCompanyIds: ["Invite at least one contractor or supplier"],
      });

    const request = await tx.quoteRequest.create({
      data: {
        organisationId: actor.organisationId,
        workOrderId: workOrder.id,
        status: send ? "OPEN" : "DRAFT",
        scope: input.scope,
        requirements: input.requirements,
        deadline,
        siteVisitFrom: visitFrom,
        siteVisitTo: visitTo,
        budget: input.budget ?? null,
        sealed: input.sealed,
        createdById: actor.userId,
        sentAt: send ? now : null,
      },
    });
    const forInvites = { id: request.id, deadline, workOrder };
    const invitations = await addInvitations(tx, actor, forInvites, input, now);
    if (send) {
      await recordEvent(tx, {
        organisationId: actor.organisationId,
        workOrderId: workOrder.id,
        actor: { userId: actor.userId, label: actor.name },
        type: "quote.sent",
        data: { quoteRequestId: request.id, deadline: formatMoment(deadline, zone, null), sealed: input.sealed },
      });
      for (const invitation of invitations) await sendInvitationLink(tx, actor, forInvites, invitation, now);
    }
    return request;
  });
}

// Sends a draft: the deadline must still lie ahead and someone must be invited; every
// invitee gets its link. Sending a request already sent changes nothing.
export async function sendQuoteRequest(actor: TStaffActor, input: { quoteRequestId: string }, now = presentMoment()) {
  assertStaffCan(actor, "quote.send");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "QuoteRequest" WHERE id = ${input.quoteRequestId} AND "organisationId" = ${actor.organisationId} FOR UPDATE`;
    const request = await tx.quoteRequest.findFirst({
      where: { id: input.quoteRequestId, organisationId: actor.organisationId },
      include: {
        workOrder: { select: WORK_ORDER_FOR_INVITES },
        invitations: { include: { contractorCompany: { select: { name: true } } } },
      },
    });
    if (!request) throw notFound("Request for quote");
    if (request.status === "OPEN") return request;
    if (request.status !== "DRAFT")
      throw new AppError("CONFLICT", `A ${request.status.toLowerCase()} request cannot be sent.`);
    if (request.deadline <= now)
      throw new AppError("CONFLICT", "The deadline has passed: set a later one before sending.");
    if (request.invitations.length === 0)
      throw new AppError("CONFLICT", "Invite at least one contractor or supplier first.");
    const sent = await tx.quoteRequest.update({ where: { id: request.id }, data: { status: "OPEN", sentAt: now } });
    const zone = request.workOrder.site.timezone ?? actor.organisationTimeZone;
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: request.workOrder.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "quote.sent",
      data: {
        quoteRequestId: request.id,
        deadline: formatMoment(request.deadline, zone, null),
        sealed: request.sealed,
      },
    });
    for (const invitation of request.invitations)
      await sendInvitationLink(
        tx,
        actor,
        request,
        { id: invitation.id, email: invitation.email, name: bidderName(invitation) },
        now,
      );
    return sent;
  });
}
