import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, invalidInput } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format-money";
import { isWithinMaxAmount, MAX_AMOUNT } from "@/lib/money/max-amount";
import { sumLines } from "@/lib/money/sum-lines";
import { checkAmountForCurrency } from "@/lib/money/check-amount-for-currency";
import { lockEstimateWorkOrder } from "./lock-estimate-work-order";
import type { TAddEstimateLineInput } from "./schemas";

export const MAX_ESTIMATE_LINES = 500;

// A draft line on the work order's estimate, in the organisation's currency and, unless
// given, at its default tax rate.
export async function addEstimateLine(actor: TStaffActor, input: TAddEstimateLineInput) {
  const unitPrice = checkAmountForCurrency("unitPrice", input.unitPrice, actor.organisationCurrency)!;
  return db.$transaction(async (tx) => {
    const workOrder = await lockEstimateWorkOrder(tx, actor, input.workOrderId);
    const [{ count, last }] = await tx.$queryRaw<{ count: number; last: number | null }[]>`
      SELECT count(*)::int AS count, max(position) AS last FROM "EstimateLine" WHERE "workOrderId" = ${workOrder.id}`;
    if (count >= MAX_ESTIMATE_LINES)
      throw new AppError("CONFLICT", `An estimate has ${MAX_ESTIMATE_LINES} lines at most.`);
    const taxPercent =
      input.taxPercent ??
      (await tx.organisation.findUniqueOrThrow({ where: { id: actor.organisationId } })).defaultTaxPercent;
    // The whole estimate, this line with it, must stay an amount the work order can hold
    // (its approved net becomes the not-to-exceed).
    const lines = await tx.estimateLine.findMany({
      where: { workOrderId: workOrder.id },
      select: { quantity: true, unitPrice: true, taxPercent: true },
    });
    const total = sumLines([...lines, { quantity: input.quantity, unitPrice, taxPercent }], actor.organisationCurrency);
    if (!isWithinMaxAmount(total.gross))
      throw invalidInput("Please correct the highlighted fields.", {
        unitPrice: [
          `With this line the estimate would total ${formatMoney(total.gross, actor.organisationCurrency)}, more than a work order can hold (${formatMoney(MAX_AMOUNT, actor.organisationCurrency)}): lower the quantity or the price`,
        ],
      });
    return tx.estimateLine.create({
      data: {
        organisationId: actor.organisationId,
        workOrderId: workOrder.id,
        position: (last ?? -1) + 1,
        description: input.description,
        quantity: input.quantity,
        unitCode: input.unitCode,
        unitPrice,
        taxPercent,
        createdById: actor.userId,
      },
    });
  });
}
