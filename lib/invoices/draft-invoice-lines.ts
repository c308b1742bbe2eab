import type { TDecimalInput } from "@/lib/money/decimal";
import { toDecimal } from "@/lib/money/decimal";
import { moneyString } from "@/lib/money/money-string";
import { roundMoney } from "@/lib/money/round-money";
import { rateCardInForce } from "@/lib/rate-cards/rate-card-in-force";
import { LABOUR_TYPE_LABELS, type TLabourType } from "@/lib/work-time/labour-types";
import { minutesToHours } from "./minutes-to-hours";

type TCard = {
  id: string;
  status: string;
  version: number;
  categoryId: string | null;
  validFrom: Date;
  validTo: Date | null;
  normalRate: TDecimalInput;
  overtimeRate: TDecimalInput;
  calloutRate: TDecimalInput;
  travelRate: TDecimalInput;
  calloutFee: TDecimalInput;
  materialMarkupPercent: TDecimalInput;
};

export type TDraftLine = {
  kind: "LABOUR" | "CALLOUT" | "COST";
  labourType: TLabourType | null;
  description: string;
  quantity: string;
  // Labour from recorded time: its exact minutes, which price it.
  minutes: number | null;
  unitCode: string;
  // Null where no rate card priced it: the contractor enters the price.
  unitPrice: string | null;
  taxPercent: string;
  estimateLineId: string | null;
  timeEntryIds: string[];
  costEntryId: string | null;
};

export type TDraftInput = {
  currency: string;
  defaultTaxPercent: TDecimalInput;
  categoryId: string | null;
  // The site's calendar day the task was completed ("2026-12-01"): prices the call-out
  // and the markup; each time entry is priced by the card in force on its own day.
  completedDay: string;
  cards: TCard[];
  timeEntries: { id: string; workDate: Date; minutes: number; labourType: TLabourType }[];
  costs: { id: string; description: string; quantity: TDecimalInput; unitCode: string; unitCost: TDecimalInput }[];
  approvedEstimate: { id: string; description: string; unitCode: string }[];
};

export const rateFor = (card: TCard, type: TLabourType): TDecimalInput =>
  ({ NORMAL: card.normalRate, OVERTIME: card.overtimeRate, CALLOUT: card.calloutRate, TRAVEL: card.travelRate })[type];

// The draft a completed task's invoice starts from: its time × the rates in force on the
// day it was worked, the call-out fee, and its costs with the card's markup, each line
// naming the entries it came from. Work on a day no card covers keeps no price and is
// flagged (noRateCard), never priced at 0. Pure.
export function draftInvoiceLines(input: TDraftInput) {
  const { currency } = input;
  const taxPercent = toDecimal(input.defaultTaxPercent).toString();
  const cardOn = (day: string) => rateCardInForce(input.cards, day, input.categoryId);
  const completionCard = cardOn(input.completedDay);
  const hourlyLine = input.approvedEstimate.find((line) => line.unitCode === "HUR");
  const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  let noRateCard = completionCard === null;

  const groups = new Map<string, { type: TLabourType; card: TCard | null; minutes: number; ids: string[] }>();
  for (const entry of input.timeEntries) {
    const card = cardOn(entry.workDate.toISOString().slice(0, 10));
    if (!card) noRateCard = true;
    const key = `${entry.labourType}:${card?.id ?? "none"}`;
    const group = groups.get(key) ?? { type: entry.labourType, card, minutes: 0, ids: [] };
    group.minutes += entry.minutes;
    group.ids.push(entry.id);
    groups.set(key, group);
  }
  const cardVersions = new Set([...groups.values()].map((g) => g.card?.id ?? null));
  const lines: TDraftLine[] = [...groups.values()].map((group) => ({
    kind: "LABOUR",
    labourType: group.type,
    description:
      `Labour, ${LABOUR_TYPE_LABELS[group.type].toLowerCase()}` +
      (cardVersions.size > 1 && group.card ? ` (rate card v${group.card.version})` : ""),
    quantity: minutesToHours(group.minutes),
    minutes: group.minutes,
    unitCode: "HUR",
    unitPrice: group.card ? moneyString(rateFor(group.card, group.type), currency) : null,
    taxPercent,
    estimateLineId: hourlyLine?.id ?? null,
    timeEntryIds: group.ids,
    costEntryId: null,
  }));

  if (completionCard && toDecimal(completionCard.calloutFee).greaterThan(0)) {
    lines.push({
      kind: "CALLOUT",
      labourType: null,
      description: "Call-out fee",
      quantity: "1",
      minutes: null,
      unitCode: "C62",
      unitPrice: moneyString(completionCard.calloutFee, currency),
      taxPercent,
      estimateLineId: input.approvedEstimate.find((line) => /call.?out/i.test(line.description))?.id ?? null,
      timeEntryIds: [],
      costEntryId: null,
    });
  }

  const markup = toDecimal(completionCard?.materialMarkupPercent ?? 0);
  for (const cost of input.costs) {
    lines.push({
      kind: "COST",
      labourType: null,
      description: cost.description,
      quantity: toDecimal(cost.quantity).toString(),
      minutes: null,
      unitCode: cost.unitCode,
      unitPrice: moneyString(
        roundMoney(toDecimal(cost.unitCost).times(markup.plus(100)).dividedBy(100), currency),
        currency,
      ),
      taxPercent,
      estimateLineId: input.approvedEstimate.find((line) => sameText(line.description, cost.description))?.id ?? null,
      timeEntryIds: [],
      costEntryId: cost.id,
    });
  }
  return { lines, rateCardId: completionCard?.id ?? null, noRateCard };
}
