import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { findTask } from "@/lib/assignments/find-task";
import { withStoredUpload } from "@/lib/attachments/store-upload";
import { db, type TTx } from "@/lib/db";
import { checkAmountForCurrency } from "@/lib/money/check-amount-for-currency";
import { formatMoney } from "@/lib/money/format-money";
import { recordEvent } from "@/lib/timeline/record-event";
import { COST_CATEGORY_LABELS } from "./labour-types";
import type { TRecordCostInput } from "./schemas";
import { workTimeOpen } from "./work-time-open";

// A cost the contractor incurred, at its cost price in the client's currency, with its
// receipt when there is one (checked and stored like any upload, in the same step).
export async function recordCostEntry(actor: TDeskActor, input: TRecordCostInput) {
  const task = await findTask(actor, input.assignmentId, "time.record");
  workTimeOpen(task.status);
  const { currency } = await db.organisation.findUniqueOrThrow({
    where: { id: task.organisationId },
    select: { currency: true },
  });
  const unitCost = checkAmountForCurrency("unitCost", input.unitCost, currency)!;
  const record = async (tx: TTx) => {
    const entry = await tx.costEntry.create({
      data: {
        organisationId: task.organisationId,
        assignmentId: task.id,
        category: input.category,
        description: input.description,
        quantity: input.quantity,
        unitCode: input.unitCode,
        unitCost,
        createdById: actor.userId,
      },
    });
    await recordEvent(tx, {
      organisationId: task.organisationId,
      workOrderId: task.workOrderId,
      assignmentId: task.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "work.cost_recorded",
      data: {
        category: COST_CATEGORY_LABELS[input.category],
        description: input.description.slice(0, 140),
        quantity: input.quantity,
        unitCost: formatMoney(unitCost, currency),
      },
    });
    return entry;
  };
  if (!input.receipt) return db.$transaction(record);
  return withStoredUpload(input.receipt, task.organisationId, null, (upload) =>
    db.$transaction(async (tx) => {
      const entry = await record(tx);
      await tx.attachment.create({
        data: {
          ...upload,
          organisationId: task.organisationId,
          workOrderId: task.workOrderId,
          assignmentId: task.id,
          costEntryId: entry.id,
          kind: "RECEIPT",
          uploadedById: actor.userId,
        },
      });
      return entry;
    }),
  );
}
