import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TTx } from "@/lib/db";

export type TTimelineEventType =
  | "work_order.created"
  | "work_order.archived"
  | "message.posted"
  | "assignment.offered"
  | "assignment.status_changed"
  | "assignment.technicians_assigned"
  | "portal.link_sent";

// Written in the same transaction as the change it records, so history never disagrees
// with the data.
export async function recordEvent(
  tx: TTx,
  event: {
    organisationId: string;
    workOrderId: string;
    assignmentId?: string;
    actor: { userId: string | null; label: string };
    type: TTimelineEventType;
    data?: Prisma.InputJsonValue;
  },
): Promise<void> {
  await tx.timelineEvent.create({
    data: {
      organisationId: event.organisationId,
      workOrderId: event.workOrderId,
      assignmentId: event.assignmentId,
      actorId: event.actor.userId,
      actorLabel: event.actor.label,
      type: event.type,
      data: event.data ?? {},
    },
  });
}
