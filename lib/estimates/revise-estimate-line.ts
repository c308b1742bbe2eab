import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { estimateLineScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { checkAmountForCurrency } from "@/lib/money/check-amount-for-currency";
import { recordEvent } from "@/lib/timeline/record-event";
import { lockEstimateWorkOrder } from "./lock-estimate-work-order";
import type { TReviseEstimateLineInput } from "./schemas";

// Changes a line. A draft changes in place. An approved line is never edited: the change
// is a new version of it (same place, version + 1) that needs a manager's approval and,
// where the organisation requires it, the customer's again; until then the approved
// version stands, and afterwards it stays in the record as superseded. Changing a line
// whose new version waits changes that draft.
export async function reviseEstimateLine(actor: TStaffActor, input: TReviseEstimateLineInput) {
  const unitPrice = checkAmountForCurrency("unitPrice", input.unitPrice, actor.organisationCurrency)!;
  const found = await db.estimateLine.findFirst({
    where: { ...estimateLineScope(actor), id: input.lineId },
    select: { workOrderId: true },
  });
  if (!found) throw notFound("Estimate line");
  return db.$transaction(async (tx) => {
    const workOrder = await lockEstimateWorkOrder(tx, actor, found.workOrderId);
    const line = await tx.estimateLine.findFirstOrThrow({ where: { id: input.lineId } });
    if (line.supersededAt) throw new AppError("CONFLICT", "This version has been replaced; change the current one.");
    const taxPercent =
      input.taxPercent ??
      (await tx.organisation.findUniqueOrThrow({ where: { id: actor.organisationId } })).defaultTaxPercent;
    const values = {
      description: input.description,
      quantity: input.quantity,
      unitCode: input.unitCode,
      unitPrice,
      taxPercent,
    };
    const waiting = await tx.estimateLine.findFirst({
      where: { workOrderId: workOrder.id, lineKey: line.lineKey, approvedAt: null },
    });
    if (waiting) return tx.estimateLine.update({ where: { id: waiting.id }, data: values });
    const latest = await tx.estimateLine.findFirstOrThrow({
      where: { workOrderId: workOrder.id, lineKey: line.lineKey },
      orderBy: { version: "desc" },
    });
    const revised = await tx.estimateLine.create({
      data: {
        organisationId: actor.organisationId,
        workOrderId: workOrder.id,
        position: line.position,
        lineKey: line.lineKey,
        version: latest.version + 1,
        ...values,
        createdById: actor.userId,
      },
    });
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: workOrder.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "estimate.line_revised",
      data: { description: revised.description, version: revised.version },
    });
    return revised;
  });
}
