import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import type { TimelineEvent } from "@/generated/prisma/client";
import { bidderName } from "@/lib/quotes/bidder-name";

export async function getWorkOrder(actor: TStaffActor, workOrderId: string) {
  if (!isId(workOrderId)) throw notFound("Work order");
  const workOrder = await db.workOrder.findFirst({
    where: { ...workOrderScope(actor), id: workOrderId },
    include: {
      site: true,
      category: true,
      asset: true,
      createdBy: { select: { name: true } },
      assignments: {
        orderBy: { offeredAt: "desc" },
        include: {
          contractorCompany: { select: { name: true } },
          technicians: { include: { person: { include: { user: { select: { name: true } } } } } },
        },
      },
      timeline: { orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }], take: 200 },
    },
  });
  if (!workOrder) throw notFound("Work order");
  return { ...workOrder, timeline: withQuoteOpenings(workOrder.timeline, await quoteOpenings(workOrder)) };
}

// A bidder opening its link for the first time is on the timeline, read from the
// invitation's first-opened mark: opening a link writes nothing else (a mail scanner's
// GET must not add history), so the event is not stored but derived.
async function quoteOpenings(workOrder: { id: string; organisationId: string }): Promise<TimelineEvent[]> {
  const opened = await db.quoteInvitation.findMany({
    where: {
      organisationId: workOrder.organisationId,
      quoteRequest: { workOrderId: workOrder.id },
      firstOpenedAt: { not: null },
    },
    select: {
      id: true,
      firstOpenedAt: true,
      email: true,
      supplierName: true,
      supplierCompany: true,
      contractorCompany: { select: { name: true } },
    },
    take: 200,
  });
  return opened.map((invitation) => ({
    id: `opened-${invitation.id}`,
    organisationId: workOrder.organisationId,
    workOrderId: workOrder.id,
    assignmentId: null,
    actorId: null,
    actorLabel: invitation.email,
    type: "quote.opened",
    data: { bidder: bidderName(invitation) },
    occurredAt: invitation.firstOpenedAt!,
    createdAt: invitation.firstOpenedAt!,
  }));
}

const withQuoteOpenings = (timeline: TimelineEvent[], openings: TimelineEvent[]) =>
  openings.length === 0
    ? timeline
    : [...timeline, ...openings]
        .sort(
          (a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.createdAt.getTime() - a.createdAt.getTime(),
        )
        .slice(0, 200);
