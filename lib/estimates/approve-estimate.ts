import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { LIVE_STATUSES } from "@/lib/assignments/status-machine";
import { estimateLineScope } from "@/lib/authz/scopes";
import { quantityWithUnit } from "@/lib/billing/unit-codes";
import { contractorOfficeEmails } from "@/lib/contractors/office-recipients";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money/format-money";
import { moneyString } from "@/lib/money/money-string";
import { recordEvent } from "@/lib/timeline/record-event";
import { lockEstimateWorkOrder } from "./lock-estimate-work-order";
import { priceEstimate } from "./price-estimate";
import type { TApproveEstimateInput } from "./schemas";

// Approves the draft lines the person saw. The approved lines' net sum becomes the work
// order's not-to-exceed amount, on the timeline, and the contractor holding the task is
// told. Lines approved already (a second click, another tab) are not approved again.
export async function approveEstimate(actor: TStaffActor, input: TApproveEstimateInput) {
  const currency = actor.organisationCurrency;
  return db.$transaction(async (tx) => {
    const workOrder = await lockEstimateWorkOrder(tx, actor, input.workOrderId);
    const now = new Date();
    const { count } = await tx.estimateLine.updateMany({
      where: { ...estimateLineScope(actor), workOrderId: workOrder.id, id: { in: input.lineIds }, approvedAt: null },
      data: { approvedAt: now, approvedById: actor.userId },
    });
    const lines = await tx.estimateLine.findMany({
      where: { ...estimateLineScope(actor), workOrderId: workOrder.id },
      orderBy: { position: "asc" },
    });
    const notToExceed = moneyString(priceEstimate(lines, currency).approved.net, currency);
    if (count === 0) return { approved: 0, notToExceed };

    await tx.workOrder.update({ where: { id: workOrder.id }, data: { notToExceed } });
    const approvedNow = lines.filter((line) => line.approvedAt?.getTime() === now.getTime());
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: workOrder.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "estimate.approved",
      data: { lines: approvedNow.map((line) => line.description), notToExceed, currency },
    });
    const live = await tx.assignment.findFirst({
      where: { workOrderId: workOrder.id, status: { in: LIVE_STATUSES } },
      select: { id: true, contractorCompanyId: true },
    });
    if (live) {
      for (const to of await contractorOfficeEmails(tx, live.contractorCompanyId)) {
        await enqueueEmail(tx, {
          to,
          organisationId: actor.organisationId,
          template: "estimate-approved",
          data: {
            clientName: actor.organisationName,
            workOrderNumber: workOrder.number,
            title: workOrder.title,
            lines: approvedNow.map(
              (line) =>
                `${line.description}: ${quantityWithUnit(line.quantity, line.unitCode)} × ${formatMoney(line.unitPrice, currency)}`,
            ),
            notToExceed: formatMoney(notToExceed, currency),
            url: `${env.APP_URL}/desk/tasks/${live.id}`,
          },
        });
      }
    }
    return { approved: count, notToExceed };
  });
}
