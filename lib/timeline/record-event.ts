import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TTx } from "@/lib/db";
import { announceChange } from "@/lib/realtime/channel";

export type TTimelineEventType =
  | "work_order.created"
  | "work_order.updated"
  | "work_order.archived"
  | "estimate.approved"
  | "estimate.counted_changed"
  | "estimate.line_revised"
  | "estimate.customer_decided"
  | "estimate.signed"
  | "estimate.proposal_made"
  | "estimate.proposal_decided"
  | "estimate.comment_posted"
  | "customer_invoice.issued"
  | "customer_invoice.cancelled"
  | "portal.link_revoked"
  | "portal.new_link_asked"
  | "invoice.drafted"
  | "invoice.redrafted"
  | "invoice.submitted"
  | "invoice.disputed"
  | "invoice.approved"
  | "invoice.rejected"
  | "invoice.paid"
  | "nte.requested"
  | "nte.approved"
  | "nte.rejected"
  | "work.time_recorded"
  | "work.cost_recorded"
  | "message.posted"
  | "attachment.uploaded"
  | "assignment.offered"
  | "compliance.overridden"
  | "assignment.status_changed"
  | "assignment.technicians_assigned"
  | "assignment.technicians_removed"
  | "portal.link_sent"
  | "quote.sent"
  | "quote.invited"
  | "quote.opened"
  | "quote.answered"
  | "quote.declined"
  | "quote.awarded"
  | "quote.cancelled"
  | "quote.deadline_extended"
  | "quote.opened_early"
  | "quote.question_asked"
  | "quote.request_changed"
  | "quote.question_answered"
  | "technician.checked_in"
  | "technician.check_in_located"
  | "technician.result_recorded"
  | "technician.defect_reported"
  | "technician.unsynced_work"
  | "tenant.request_received"
  | "tenant.availability_changed"
  | "tenant.request_cancelled"
  | "tenant.visit_confirmed"
  | "visit.proposed";

// Written in the same transaction as the change it records, so history never disagrees
// with the data; open pages of the work order hear about it when it commits.
export async function recordEvent(
  tx: TTx,
  event: {
    organisationId: string;
    workOrderId: string;
    assignmentId?: string;
    actor: { userId: string | null; label: string };
    type: TTimelineEventType;
    data?: Prisma.InputJsonValue;
    // When it happened, if not now: work done offline is dated by the tap on the phone.
    at?: Date;
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
      ...(event.at ? { occurredAt: event.at } : {}),
    },
  });
  await announceChange(tx, {
    organisationId: event.organisationId,
    workOrderId: event.workOrderId,
    assignmentId: event.assignmentId,
    type: event.type,
  });
}
