import type { InvoiceStatus, Prisma, RateCard } from "../generated/prisma/client";
import { checkInvoice } from "../lib/invoices/check-invoice";
import { draftInvoiceLines } from "../lib/invoices/draft-invoice-lines";
import { minutesToHours } from "../lib/invoices/minutes-to-hours";
import { moneyString } from "../lib/money/money-string";
import { sumLines } from "../lib/money/sum-lines";
import { newId } from "./factories";

const DAY = 86_400_000;

// The terms each demo contractor works at (version 1, agreed before the oldest demo work).
export const DEMO_RATES = [
  { normal: "68", overtime: "102", callout: "119", travel: "40", fee: "45", markup: "15" },
  { normal: "62", overtime: "93", callout: "108.50", travel: "35", fee: "40", markup: "12.5" },
  { normal: "55", overtime: "82.50", callout: "96.25", travel: "30", fee: "35", markup: "10" },
];

type TFinishedTask = {
  organisationId: string;
  currency: string;
  taxPercent: string;
  workOrderId: string;
  workOrderCreatedAt: Date;
  assignmentId: string;
  status: "COMPLETED" | "REVIEWED" | "INVOICED";
  completedAt: Date;
  timeEntry: { id: string; workDate: Date; minutes: number };
  card: RateCard;
  number: string;
  company: { name: string };
  decider: { id: string; name: string };
  // 0 to 1, from the seed's generator: which of the usual outcomes this invoice has.
  chance: number;
  now: number;
};

// A finished demo task's money, made by the same pure functions the app uses: an approved
// estimate of its hours at the card's rate plus the call-out fee (the not-to-exceed), the
// invoice drafted on completion, and for reviewed and invoiced work its submission, checked
// as a submission is, then approved or paid. One in five submitted invoices bills parts
// the estimate does not hold, so the demo shows flagged differences.
export function demoInvoice(task: TFinishedTask) {
  const { organisationId, currency, card } = task;
  const approval = {
    organisationId,
    workOrderId: task.workOrderId,
    approvedAt: task.workOrderCreatedAt,
    createdAt: task.workOrderCreatedAt,
    createdById: task.decider.id,
    approvedById: task.decider.id,
    taxPercent: task.taxPercent,
  };
  const estimateLines: (Prisma.EstimateLineCreateManyInput & { id: string })[] = [
    {
      ...approval,
      id: newId(),
      position: 1,
      description: "Labour",
      quantity: minutesToHours(task.timeEntry.minutes),
      unitCode: "HUR",
      unitPrice: moneyString(card.normalRate, currency),
    },
    {
      ...approval,
      id: newId(),
      position: 2,
      description: "Call-out fee",
      quantity: "1",
      unitCode: "C62",
      unitPrice: moneyString(card.calloutFee, currency),
    },
  ];
  const estimate = estimateLines.map((line) => ({
    id: line.id,
    description: line.description,
    unitCode: line.unitCode!,
    quantity: String(line.quantity),
    unitPrice: String(line.unitPrice),
  }));
  const notToExceed = moneyString(
    sumLines(
      estimate.map((l) => ({ ...l, taxPercent: 0 })),
      currency,
    ).net,
    currency,
  );

  const draft = draftInvoiceLines({
    currency,
    defaultTaxPercent: task.taxPercent,
    categoryId: null,
    completedDay: task.completedAt.toISOString().slice(0, 10),
    cards: [card],
    timeEntries: [{ ...task.timeEntry, labourType: "NORMAL" }],
    costs: [],
    approvedEstimate: estimate,
  });
  const status: InvoiceStatus =
    task.status === "COMPLETED" || (task.status === "REVIEWED" && task.chance < 0.15)
      ? "DRAFT"
      : task.status === "REVIEWED"
        ? "SUBMITTED"
        : task.chance < 0.5
          ? "PAID"
          : "APPROVED";
  const extras =
    status === "SUBMITTED" && task.chance > 0.8
      ? [
          {
            kind: "OTHER" as const,
            labourType: null,
            description: "Replacement parts",
            quantity: "1",
            unitCode: "C62",
            unitPrice: moneyString("84.60", currency),
            taxPercent: task.taxPercent,
            estimateLineId: null,
            timeEntryIds: [],
            costEntryId: null,
          },
        ]
      : [];
  const invoiceId = newId();
  const lines = [...draft.lines, ...extras].map((line, i) => ({
    ...line,
    id: newId(),
    invoiceId,
    position: i + 1,
    unitPrice: line.unitPrice!,
  }));
  const totals = sumLines(lines, currency);
  const submittedAt = new Date(task.completedAt.getTime() + DAY);
  const decidedAt = new Date(submittedAt.getTime() + 2 * DAY);
  const paidAt = new Date(decidedAt.getTime() + 14 * DAY);
  const paid = status === "PAID" && paidAt.getTime() < task.now;
  const finalStatus: InvoiceStatus = status === "PAID" && !paid ? "APPROVED" : status;
  const submitted = finalStatus !== "DRAFT";
  const decided = finalStatus === "APPROVED" || finalStatus === "PAID";
  const differences = submitted
    ? checkInvoice({
        currency,
        lines,
        approvedEstimate: estimate,
        notToExceed,
        otherInvoicesNet: 0,
        rateCard: {
          rates: {
            NORMAL: card.normalRate,
            OVERTIME: card.overtimeRate,
            CALLOUT: card.calloutRate,
            TRAVEL: card.travelRate,
          },
          calloutFee: card.calloutFee,
          materialMarkupPercent: card.materialMarkupPercent,
        },
        recordedMinutes: { NORMAL: task.timeEntry.minutes },
        costs: [],
        onSiteMinutes: null,
        tolerances: { pricePercent: 0, quantityPercent: 0, onSiteMinutes: 15 },
      })
    : [];
  const money = {
    net: moneyString(totals.net, currency),
    tax: moneyString(totals.tax, currency),
    gross: moneyString(totals.gross, currency),
  };
  const invoice: Prisma.InvoiceCreateManyInput = {
    id: invoiceId,
    organisationId,
    contractorCompanyId: card.contractorCompanyId,
    assignmentId: task.assignmentId,
    workOrderId: task.workOrderId,
    number: task.number,
    status: finalStatus,
    origin: "generated",
    currency,
    issueDate: new Date(Math.floor(task.completedAt.getTime() / DAY) * DAY),
    ...money,
    rateCardId: card.id,
    revision: submitted ? 1 : 0,
    differences,
    createdAt: task.completedAt,
    submittedAt: submitted ? submittedAt : null,
    decidedAt: decided ? decidedAt : null,
    decidedById: decided ? task.decider.id : null,
    paidAt: paid ? paidAt : null,
    paidById: paid ? task.decider.id : null,
    paymentReference: paid ? `BACS ${task.number}` : null,
  };
  const revisions: Prisma.InvoiceRevisionCreateManyInput[] = submitted
    ? [
        {
          invoiceId,
          revision: 1,
          submittedAt,
          lines: lines.map((line) => ({
            id: line.id,
            position: line.position,
            kind: line.kind,
            description: line.description,
            quantity: line.quantity,
            unitCode: line.unitCode,
            unitPrice: line.unitPrice,
            taxPercent: line.taxPercent,
            estimateLineId: line.estimateLineId,
          })),
          ...money,
          differences,
        },
      ]
    : [];
  const event = (type: string, createdAt: Date, actor: { id: string | null; name: string }, data: object) => ({
    organisationId,
    workOrderId: task.workOrderId,
    assignmentId: task.assignmentId,
    actorId: actor.id,
    actorLabel: actor.name,
    type,
    data,
    createdAt,
  });
  const contractor = { id: null, name: task.company.name };
  const events: Prisma.TimelineEventCreateManyInput[] = [
    event("invoice.drafted", task.completedAt, contractor, { noRateCard: "no" }),
    ...(submitted
      ? [
          event("invoice.submitted", submittedAt, contractor, {
            number: task.number,
            revision: 1,
            gross: money.gross,
            currency,
            differences: differences.length,
          }),
        ]
      : []),
    ...(decided
      ? [event("invoice.approved", decidedAt, task.decider, { number: task.number, gross: money.gross, currency })]
      : []),
    ...(paid
      ? [
          event("invoice.paid", paidAt, task.decider, {
            number: task.number,
            paidOn: paidAt.toISOString().slice(0, 10),
            reference: invoice.paymentReference,
          }),
        ]
      : []),
  ];
  return { estimateLines, notToExceed, invoice, lines, revisions, events };
}
