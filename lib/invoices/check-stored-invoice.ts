import "server-only";
import { countedLinesWhere, readCountRule } from "@/lib/estimates/counted-lines";
import type { TTx } from "@/lib/db";
import { rateCardInForce } from "@/lib/rate-cards/rate-card-in-force";
import { dayInZone } from "@/lib/time/zones";
import type { TLabourType } from "@/lib/work-time/labour-types";
import { checkInvoice, type TCheckLine } from "./check-invoice";
import { rateFor } from "./draft-invoice-lines";

// Loads what an invoice is checked against (the work order's approved estimate and
// not-to-exceed, the other invoices, the rate card in force, the time and costs recorded,
// the time on site, the organisation's tolerances) and checks it. The same facts at
// submission and at approval, so a not-to-exceed raised since counts.
export async function checkStoredInvoice(tx: TTx, invoiceId: string) {
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  const task = await tx.assignment.findUniqueOrThrow({
    where: { id: invoice.assignmentId },
    select: {
      checkedInAt: true,
      performedAt: true,
      completedAt: true,
      organisation: {
        select: {
          timezone: true,
          invoicePriceTolerancePercent: true,
          invoiceQuantityTolerancePercent: true,
          invoiceOnSiteToleranceMinutes: true,
        },
      },
      workOrder: {
        select: { notToExceed: true, categoryId: true, site: { select: { timezone: true } } },
      },
      timeEntries: { select: { minutes: true, labourType: true } },
      costEntries: { select: { id: true, quantity: true, unitCost: true } },
    },
  });
  const [approvedEstimate, others, cards] = await Promise.all([
    tx.estimateLine.findMany({
      where: {
        workOrderId: invoice.workOrderId,
        ...countedLinesWhere(await readCountRule(tx, invoice.organisationId)),
      },
      select: { id: true, quantity: true, unitPrice: true },
    }),
    tx.invoice.aggregate({
      where: { workOrderId: invoice.workOrderId, id: { not: invoice.id }, status: { notIn: ["DRAFT", "REJECTED"] } },
      _sum: { net: true },
    }),
    tx.rateCard.findMany({
      where: {
        organisationId: invoice.organisationId,
        contractorCompanyId: invoice.contractorCompanyId,
        status: "ACCEPTED",
      },
    }),
  ]);
  const zone = task.workOrder.site.timezone ?? task.organisation.timezone;
  const workDay = dayInZone(task.completedAt ?? invoice.createdAt, zone);
  const card = rateCardInForce(cards, workDay, task.workOrder.categoryId);
  const recordedMinutes: Partial<Record<TLabourType, number>> = {};
  for (const entry of task.timeEntries)
    recordedMinutes[entry.labourType] = (recordedMinutes[entry.labourType] ?? 0) + entry.minutes;
  const onSiteMinutes =
    task.checkedInAt && task.performedAt && task.performedAt > task.checkedInAt
      ? Math.round((task.performedAt.getTime() - task.checkedInAt.getTime()) / 60_000)
      : null;

  const lines: TCheckLine[] = invoice.lines.map((line) => ({
    id: line.id,
    kind: line.kind,
    labourType: line.labourType,
    description: line.description,
    quantity: line.quantity,
    minutes: line.minutes,
    unitCode: line.unitCode,
    unitPrice: line.unitPrice ?? 0,
    estimateLineId: line.estimateLineId,
    costEntryId: line.costEntryId,
  }));
  const differences = checkInvoice({
    currency: invoice.currency,
    lines,
    approvedEstimate,
    notToExceed: task.workOrder.notToExceed,
    otherInvoicesNet: others._sum.net ?? 0,
    rateCard: card && {
      rates: {
        NORMAL: rateFor(card, "NORMAL"),
        OVERTIME: rateFor(card, "OVERTIME"),
        CALLOUT: rateFor(card, "CALLOUT"),
        TRAVEL: rateFor(card, "TRAVEL"),
      },
      calloutFee: card.calloutFee,
      materialMarkupPercent: card.materialMarkupPercent,
    },
    recordedMinutes,
    costs: task.costEntries,
    onSiteMinutes,
    tolerances: {
      pricePercent: task.organisation.invoicePriceTolerancePercent,
      quantityPercent: task.organisation.invoiceQuantityTolerancePercent,
      onSiteMinutes: task.organisation.invoiceOnSiteToleranceMinutes,
    },
  });
  return { invoice, differences, hasApprovedEstimate: approvedEstimate.length > 0 };
}
