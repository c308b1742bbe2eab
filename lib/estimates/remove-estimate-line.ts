import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { estimateLineScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockEstimateWorkOrder } from "./lock-estimate-work-order";
import type { TRemoveEstimateLineInput } from "./schemas";

// A draft line goes; an approved one stays, as the record of what was agreed. Removing a
// line that is gone already (a second click) changes nothing.
export async function removeEstimateLine(actor: TStaffActor, input: TRemoveEstimateLineInput) {
  const line = await db.estimateLine.findFirst({
    where: { ...estimateLineScope(actor), id: input.lineId },
    select: { workOrderId: true },
  });
  if (!line) return { removed: false };
  return db.$transaction(async (tx) => {
    await lockEstimateWorkOrder(tx, actor, line.workOrderId);
    const current = await tx.estimateLine.findFirst({ where: { ...estimateLineScope(actor), id: input.lineId } });
    if (!current) return { removed: false };
    if (current.approvedAt)
      throw new AppError("CONFLICT", "An approved line stays on the estimate as the record of what was agreed.");
    await tx.estimateLine.delete({ where: { id: current.id } });
    return { removed: true };
  });
}
