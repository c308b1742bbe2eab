import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { workOrderScope } from "@/lib/authz/scopes";
import { db, type TTx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import type { WorkOrderStatus } from "@/generated/prisma/client";

// Finished, cancelled or never assigned: anything else is still someone's work.
export const ARCHIVABLE_STATUSES: WorkOrderStatus[] = ["COMPLETED", "CANCELLED", "OPEN"];

// Archived work orders leave the staff lists; contractors keep read access to their tasks.
export async function archiveWorkOrder(actor: TStaffActor, workOrderId: string) {
  return db.$transaction(async (tx) => {
    const workOrder = await tx.workOrder.findFirst({ where: { ...workOrderScope(actor), id: workOrderId } });
    if (!workOrder) throw notFound("Work order");
    if (workOrder.archivedAt) return;
    if (!ARCHIVABLE_STATUSES.includes(workOrder.status)) {
      throw new AppError("INVALID_TRANSITION", "Only finished, cancelled or unassigned work orders can be archived.");
    }
    await archiveInTransaction(tx, actor, workOrder.id);
  });
}

export async function archiveInTransaction(tx: TTx, actor: TStaffActor, workOrderId: string) {
  await tx.workOrder.update({ where: { id: workOrderId }, data: { archivedAt: new Date() } });
  await recordEvent(tx, {
    organisationId: actor.organisationId,
    workOrderId,
    actor: { userId: actor.userId, label: actor.name },
    type: "work_order.archived",
  });
}
