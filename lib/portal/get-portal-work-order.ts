import "server-only";
import type { TLinkActor } from "@/lib/auth/actor";
import { assignmentScope, workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

// What a customer may see through a progress link: the one work order, its status and
// progress, never internal notes, prices or other records.
export async function getPortalWorkOrder(actor: TLinkActor) {
  const workOrder = await db.workOrder.findFirst({
    where: workOrderScope(actor),
    select: {
      number: true,
      title: true,
      description: true,
      status: true,
      dueAt: true,
      createdAt: true,
      organisation: { select: { name: true, timezone: true } },
      site: { select: { name: true, city: true, timezone: true } },
    },
  });
  if (!workOrder) throw notFound("Work order");
  const assignment = await db.assignment.findFirst({
    where: assignmentScope(actor),
    orderBy: { offeredAt: "desc" },
    select: { status: true, scheduledAt: true, plannedAt: true, contractorCompany: { select: { name: true } } },
  });
  // The person who sent this link is the customer's contact (links sent before the sender
  // was kept on the link name them on the timeline).
  const token = actor.tokenId
    ? await db.accessToken.findUnique({ where: { id: actor.tokenId }, select: { createdById: true } })
    : null;
  const sent = token?.createdById
    ? { actorId: token.createdById }
    : actor.tokenId
      ? await db.timelineEvent.findFirst({
          where: {
            workOrderId: actor.workOrderId,
            type: "portal.link_sent",
            data: { path: ["tokenId"], equals: actor.tokenId },
          },
          select: { actorId: true },
        })
      : null;
  const contact = sent?.actorId
    ? await db.user.findUnique({ where: { id: sent.actorId }, select: { name: true, email: true } })
    : null;
  return { workOrder, assignment, contact };
}
