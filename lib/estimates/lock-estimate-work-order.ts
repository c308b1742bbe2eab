import "server-only";
import type { TLinkActor, TStaffActor } from "@/lib/auth/actor";
import { workOrderSqlScope } from "@/lib/authz/sql-scopes";
import type { TTx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

// The work order whose estimate changes, locked for the transaction: changes to one
// estimate go one at a time, so positions and the approved total never race.
export async function lockEstimateWorkOrder(tx: TTx, actor: TStaffActor | TLinkActor, workOrderId: string) {
  const [workOrder] = await tx.$queryRaw<{ id: string; number: number; title: string; archivedAt: Date | null }[]>`
    SELECT w.id, w.number, w.title, w."archivedAt" FROM "WorkOrder" w
    WHERE w.id = ${workOrderId} AND ${workOrderSqlScope(actor)} FOR UPDATE`;
  if (!workOrder) throw notFound("Work order");
  if (workOrder.archivedAt) throw new AppError("CONFLICT", "This work order is archived and can no longer be changed.");
  return workOrder;
}
