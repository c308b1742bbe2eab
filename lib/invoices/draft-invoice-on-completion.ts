import "server-only";
import { countedLinesWhere, readCountRule } from "@/lib/estimates/counted-lines";
import type { TTx } from "@/lib/db";
import { dayInZone } from "@/lib/time/zones";
import { recordEvent } from "@/lib/timeline/record-event";
import { draftInvoiceLines } from "./draft-invoice-lines";
import { nextInvoiceNumber } from "./next-invoice-number";
import { storeInvoiceTotals } from "./store-invoice-totals";

// When the contractor completes a task, its invoice is drafted from the time and costs
// recorded, in the same transaction. A task sent back and completed again updates its one
// draft: the generated lines are made afresh, the lines the office added stay. An invoice
// already submitted is the contractor's to revise, and is left alone.
export async function draftInvoiceOnCompletion(
  tx: TTx,
  assignmentId: string,
  actor: { userId: string | null; label: string },
  now: Date,
) {
  const task = await tx.assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: {
      id: true,
      organisationId: true,
      workOrderId: true,
      contractorCompanyId: true,
      organisation: { select: { currency: true, defaultTaxPercent: true, timezone: true } },
      workOrder: { select: { categoryId: true, site: { select: { timezone: true } } } },
      timeEntries: {
        select: { id: true, workDate: true, minutes: true, labourType: true },
        orderBy: { workDate: "asc" },
      },
      costEntries: {
        select: { id: true, description: true, quantity: true, unitCode: true, unitCost: true },
        orderBy: { createdAt: "asc" },
      },
      invoices: { where: { origin: "generated" }, select: { id: true, status: true } },
    },
  });
  const existing = task.invoices[0];
  if (existing && existing.status !== "DRAFT") return null;

  const zone = task.workOrder.site.timezone ?? task.organisation.timezone;
  const [cards, approvedEstimate] = await Promise.all([
    tx.rateCard.findMany({
      where: { organisationId: task.organisationId, contractorCompanyId: task.contractorCompanyId, status: "ACCEPTED" },
    }),
    tx.estimateLine.findMany({
      where: { workOrderId: task.workOrderId, ...countedLinesWhere(await readCountRule(tx, task.organisationId)) },
      select: { id: true, description: true, unitCode: true },
      orderBy: { position: "asc" },
    }),
  ]);
  const draft = draftInvoiceLines({
    currency: task.organisation.currency,
    defaultTaxPercent: task.organisation.defaultTaxPercent,
    categoryId: task.workOrder.categoryId,
    completedDay: dayInZone(now, zone),
    cards,
    timeEntries: task.timeEntries,
    costs: task.costEntries,
    approvedEstimate,
  });

  const kept = existing
    ? await tx.invoiceLine.findMany({
        where: { invoiceId: existing.id, kind: "OTHER", costEntryId: null },
        orderBy: { position: "asc" },
      })
    : [];
  const invoiceId =
    existing?.id ??
    (
      await tx.invoice.create({
        data: {
          organisationId: task.organisationId,
          contractorCompanyId: task.contractorCompanyId,
          assignmentId: task.id,
          workOrderId: task.workOrderId,
          number: await nextInvoiceNumber(tx, task.contractorCompanyId),
          origin: "generated",
          currency: task.organisation.currency,
          issueDate: new Date(`${dayInZone(now, zone)}T00:00:00Z`),
          createdById: actor.userId,
        },
        select: { id: true },
      })
    ).id;
  await tx.invoiceLine.deleteMany({ where: { invoiceId } });
  await tx.invoiceLine.createMany({
    data: [...draft.lines, ...kept.map(({ id: _id, invoiceId: _invoice, position: _position, ...line }) => line)].map(
      (line, index) => ({ ...line, invoiceId, position: index + 1 }),
    ),
  });
  await tx.invoice.update({
    where: { id: invoiceId },
    data: { rateCardId: draft.rateCardId, noRateCard: draft.noRateCard },
  });
  await storeInvoiceTotals(tx, invoiceId);
  await recordEvent(tx, {
    organisationId: task.organisationId,
    workOrderId: task.workOrderId,
    assignmentId: task.id,
    actor,
    type: existing ? "invoice.redrafted" : "invoice.drafted",
    data: { noRateCard: draft.noRateCard ? "yes" : "no" },
  });
  return invoiceId;
}
