import "server-only";
import { keepNtePendingSince } from "./keep-pending-since";
import type { TDeskActor } from "@/lib/auth/actor";
import { findTask } from "@/lib/assignments/find-task";
import { quantityWithUnit } from "@/lib/billing/unit-codes";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { staffApproverEmails } from "@/lib/invoices/staff-approver-emails";
import { checkAmountForCurrency } from "@/lib/money/check-amount-for-currency";
import { toDecimal } from "@/lib/money/decimal";
import { formatMoney } from "@/lib/money/format-money";
import { moneyString } from "@/lib/money/money-string";
import { sumLines } from "@/lib/money/sum-lines";
import { recordEvent } from "@/lib/timeline/record-event";
import type { TRequestNteIncreaseInput } from "./schemas";

const OPEN = ["ACCEPTED", "SCHEDULED", "IN_PROGRESS", "REVISIT", "PERFORMED", "COMPLETED", "REVIEWED"];

// The contractor asks for a higher not-to-exceed: the amount now plus the extra lines'
// net. One request waits at a time per task, so a double click asks once.
export async function requestNteIncrease(actor: TDeskActor, input: TRequestNteIncreaseInput) {
  const task = await findTask(actor, input.assignmentId, "invoice.write");
  if (!OPEN.includes(task.status))
    throw new AppError("INVALID_TRANSITION", "A higher not-to-exceed can be asked for while the task is open.");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Assignment" WHERE id = ${task.id} FOR UPDATE`;
    const waiting = await tx.nteIncreaseRequest.findFirst({ where: { assignmentId: task.id, status: "PENDING" } });
    if (waiting)
      throw new AppError("CONFLICT", "A request for a higher not-to-exceed is already waiting for the client.");
    const workOrder = await tx.workOrder.findUniqueOrThrow({
      where: { id: task.workOrderId },
      include: { organisation: { select: { currency: true, defaultTaxPercent: true } } },
    });
    const { currency, defaultTaxPercent } = workOrder.organisation;
    const lines = input.lines.map((line, index) => ({
      ...line,
      unitPrice: checkAmountForCurrency(`lines.${index}.unitPrice`, line.unitPrice, currency)!,
      taxPercent: line.taxPercent ?? defaultTaxPercent.toString(),
    }));
    const extra = sumLines(lines, currency).net;
    const current = workOrder.notToExceed;
    const requested = moneyString(toDecimal(current ?? 0).plus(extra), currency);
    const request = await tx.nteIncreaseRequest.create({
      data: {
        organisationId: task.organisationId,
        workOrderId: task.workOrderId,
        assignmentId: task.id,
        contractorCompanyId: task.contractorCompanyId,
        reason: input.reason,
        currency,
        currentNotToExceed: current,
        requestedNotToExceed: requested,
        lines,
        requestedById: actor.userId,
      },
    });
    await keepNtePendingSince(tx, task.workOrderId);
    await recordEvent(tx, {
      organisationId: task.organisationId,
      workOrderId: task.workOrderId,
      assignmentId: task.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "nte.requested",
      data: { to: requested, from: current?.toString() ?? null, currency, reason: input.reason.slice(0, 200) },
    });
    const company = await tx.contractorCompany.findUniqueOrThrow({ where: { id: task.contractorCompanyId } });
    for (const to of await staffApproverEmails(tx, task.organisationId))
      await enqueueEmail(tx, {
        to,
        organisationId: task.organisationId,
        template: "nte-increase-requested",
        data: {
          companyName: company.name,
          workOrderNumber: workOrder.number,
          title: workOrder.title,
          reason: input.reason,
          lines: lines.map(
            (l) =>
              `${l.description}: ${quantityWithUnit(l.quantity, l.unitCode)} × ${formatMoney(l.unitPrice, currency)}`,
          ),
          from: formatMoney(current, currency),
          to: formatMoney(requested, currency),
          url: `${env.APP_URL}/staff/work-orders/${workOrder.id}`,
        },
      });
    return request;
  });
}
