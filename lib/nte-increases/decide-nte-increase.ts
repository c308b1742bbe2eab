import "server-only";
import { keepNtePendingSince } from "./keep-pending-since";
import type { TStaffActor } from "@/lib/auth/actor";
import { nteIncreaseScope } from "@/lib/authz/scopes";
import { contractorOfficeEmails } from "@/lib/contractors/office-recipients";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { toDecimal } from "@/lib/money/decimal";
import { formatMoney } from "@/lib/money/format-money";
import { moneyString } from "@/lib/money/money-string";
import { sumLines } from "@/lib/money/sum-lines";
import { recordEvent } from "@/lib/timeline/record-event";
import type { TDecideNteIncreaseInput } from "./schemas";

type TRequestedLine = {
  description: string;
  quantity: string;
  unitCode: string;
  unitPrice: string;
  taxPercent: string;
};

// Staff approve a request (its lines join the approved estimate and the not-to-exceed
// rises by their net, from whatever it is now) or reject it. Deciding twice is refused.
export async function decideNteIncrease(actor: TStaffActor, input: TDecideNteIncreaseInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const visible = await tx.nteIncreaseRequest.findFirst({
      where: { ...nteIncreaseScope(actor), id: input.requestId },
      select: { id: true },
    });
    if (!visible) throw notFound("Request");
    await tx.$queryRaw`SELECT id FROM "NteIncreaseRequest" WHERE id = ${visible.id} FOR UPDATE`;
    const request = await tx.nteIncreaseRequest.findUniqueOrThrow({ where: { id: visible.id } });
    if (request.status !== "PENDING")
      throw new AppError("CONFLICT", `This request was already ${request.status.toLowerCase()}.`);
    const workOrder = await tx.workOrder.findUniqueOrThrow({ where: { id: request.workOrderId } });
    const lines = request.lines as TRequestedLine[];
    const who = { userId: actor.userId, label: actor.name };
    let notToExceed = workOrder.notToExceed?.toString() ?? null;

    if (input.decision === "approve") {
      const last = await tx.estimateLine.aggregate({ where: { workOrderId: workOrder.id }, _max: { position: true } });
      await tx.estimateLine.createMany({
        data: lines.map((line, index) => ({
          organisationId: request.organisationId,
          workOrderId: workOrder.id,
          position: (last._max.position ?? 0) + index + 1,
          description: line.description,
          quantity: line.quantity,
          unitCode: line.unitCode,
          unitPrice: line.unitPrice,
          taxPercent: line.taxPercent,
          createdById: request.requestedById,
          approvedAt: now,
          approvedById: actor.userId,
        })),
      });
      notToExceed = moneyString(
        toDecimal(workOrder.notToExceed ?? 0).plus(sumLines(lines, request.currency).net),
        request.currency,
      );
      await tx.workOrder.update({ where: { id: workOrder.id }, data: { notToExceed } });
    }
    await tx.nteIncreaseRequest.update({
      where: { id: request.id },
      data: {
        status: input.decision === "approve" ? "APPROVED" : "REJECTED",
        decidedAt: now,
        decidedById: actor.userId,
        decisionNote: input.note,
      },
    });
    await keepNtePendingSince(tx, workOrder.id);
    await recordEvent(tx, {
      organisationId: request.organisationId,
      workOrderId: workOrder.id,
      assignmentId: request.assignmentId,
      actor: who,
      type: input.decision === "approve" ? "nte.approved" : "nte.rejected",
      data: { to: notToExceed, currency: request.currency, note: input.note },
    });
    for (const to of await contractorOfficeEmails(tx, request.contractorCompanyId))
      await enqueueEmail(tx, {
        to,
        organisationId: request.organisationId,
        template: "nte-increase-decided",
        data: {
          clientName: actor.organisationName,
          workOrderNumber: workOrder.number,
          title: workOrder.title,
          decision: input.decision === "approve" ? "approved" : "rejected",
          notToExceed: formatMoney(notToExceed, request.currency),
          note: input.note,
          url: `${env.APP_URL}/desk/tasks/${request.assignmentId}`,
        },
      });
    return { notToExceed };
  });
}
