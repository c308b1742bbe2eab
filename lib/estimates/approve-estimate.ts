import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { estimateLineScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { followCountedLines } from "./follow-counted-lines";
import { lockEstimateWorkOrder } from "./lock-estimate-work-order";
import type { TApproveEstimateInput } from "./schemas";

// Approves the draft lines the person saw. A draft that is a new version of an approved
// line replaces it: the earlier version is superseded and stays in the record. The money
// follows the counted lines (follow-counted-lines.ts). Lines approved already (a second
// click, another tab) are not approved again.
export async function approveEstimate(actor: TStaffActor, input: TApproveEstimateInput) {
  return db.$transaction(async (tx) => {
    const workOrder = await lockEstimateWorkOrder(tx, actor, input.workOrderId);
    const { result: approved, notToExceed } = await followCountedLines(
      tx,
      {
        organisationId: actor.organisationId,
        workOrderId: workOrder.id,
        actor: { userId: actor.userId, label: actor.name },
        cause: "approval",
      },
      async () => {
        const at = new Date();
        const drafts = await tx.estimateLine.findMany({
          where: {
            ...estimateLineScope(actor),
            workOrderId: workOrder.id,
            id: { in: input.lineIds },
            approvedAt: null,
          },
          select: { id: true, lineKey: true, version: true },
        });
        if (drafts.length === 0) return 0;
        await tx.estimateLine.updateMany({
          where: { id: { in: drafts.map((line) => line.id) } },
          data: { approvedAt: at, approvedById: actor.userId },
        });
        for (const draft of drafts.filter((line) => line.version > 1))
          await tx.estimateLine.updateMany({
            where: {
              workOrderId: workOrder.id,
              lineKey: draft.lineKey,
              version: { lt: draft.version },
              supersededAt: null,
            },
            data: { supersededAt: at },
          });
        return drafts.length;
      },
    );
    return { approved, notToExceed };
  });
}
