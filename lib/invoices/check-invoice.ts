import { quantityWithUnit } from "@/lib/billing/unit-codes";
import { Decimal, toDecimal, type TDecimalInput } from "@/lib/money/decimal";
import { formatMoney } from "@/lib/money/format-money";
import { moneyString } from "@/lib/money/money-string";
import { priceLine } from "@/lib/money/price-line";
import { roundMoney } from "@/lib/money/round-money";
import type { TLabourType } from "@/lib/work-time/labour-types";
import { formatHours } from "./format-hours";

export type TCheckLine = {
  id: string;
  kind: "LABOUR" | "CALLOUT" | "COST" | "OTHER";
  labourType: TLabourType | null;
  description: string;
  quantity: TDecimalInput;
  // Labour from recorded time, in exact minutes (lib/money/price-line.ts).
  minutes?: number | null;
  unitCode: string;
  unitPrice: TDecimalInput;
  estimateLineId: string | null;
  costEntryId: string | null;
};

export type TCheckInput = {
  currency: string;
  lines: TCheckLine[];
  approvedEstimate: { id: string; quantity: TDecimalInput; unitPrice: TDecimalInput }[];
  notToExceed: TDecimalInput | null;
  // The net of the work order's other invoices that are submitted and not rejected.
  otherInvoicesNet: TDecimalInput;
  rateCard: {
    rates: Record<TLabourType, TDecimalInput>;
    calloutFee: TDecimalInput;
    materialMarkupPercent: TDecimalInput;
  } | null;
  recordedMinutes: Partial<Record<TLabourType, number>>;
  costs: { id: string; quantity: TDecimalInput; unitCost: TDecimalInput }[];
  // From the first check-in to "performed", when the technician app recorded both.
  onSiteMinutes: number | null;
  tolerances: { pricePercent: TDecimalInput; quantityPercent: TDecimalInput; onSiteMinutes: number };
};

export type TDifferenceCode =
  | "rate_above_card"
  | "no_rate_card"
  | "callout_above_card"
  | "hours_above_recorded"
  | "hours_above_on_site"
  | "cost_above_recorded"
  | "quantity_above_recorded"
  | "not_in_estimate"
  | "price_above_estimate"
  | "quantity_above_estimate"
  | "not_backed"
  | "over_not_to_exceed";

// One flagged difference: what, on which line (null: the whole invoice), and by how much
// in money (a decimal string in the invoice's currency).
export type TDifference = { code: TDifferenceCode; lineId: string | null; reason: string; amount: string };

const ON_SITE_TYPES: readonly TLabourType[] = ["NORMAL", "OVERTIME", "CALLOUT"];

// Checks an invoice line by line against what was agreed and recorded: the rate card, the
// time and costs, the time on site, the approved estimate and the not-to-exceed amount.
// A difference within the organisation's tolerance is not flagged. Pure: the submission
// and the approval load the facts and call this.
export function checkInvoice(input: TCheckInput): TDifference[] {
  const { currency, tolerances } = input;
  const amount = (value: Decimal) => moneyString(roundMoney(value, currency), currency);
  // Amounts in a sentence carry their currency: "rate £85.00/h above card £75.00/h".
  const money = (value: TDecimalInput) => formatMoney(value, currency);
  const overPrice = (actual: Decimal, agreed: Decimal) => actual.greaterThan(allow(agreed, tolerances.pricePercent));
  const overQuantity = (actual: Decimal, agreed: Decimal) =>
    actual.greaterThan(allow(agreed, tolerances.quantityPercent));
  const differences: TDifference[] = [];
  const flag = (code: TDifferenceCode, lineId: string | null, reason: string, value: Decimal) =>
    differences.push({ code, lineId, reason, amount: amount(value) });

  const lines = input.lines.map((line) => ({
    ...line,
    // Hours exactly: from the minutes where the line has them.
    quantity:
      line.minutes !== undefined && line.minutes !== null
        ? new Decimal(line.minutes).dividedBy(60)
        : toDecimal(line.quantity),
    unitPrice: toDecimal(line.unitPrice),
    net: priceLine(
      { quantity: line.quantity, minutes: line.minutes, unitPrice: line.unitPrice, taxPercent: 0 },
      currency,
    ).net,
  }));
  const card = input.rateCard;
  const estimate = new Map(input.approvedEstimate.map((line) => [line.id, line]));
  const costs = new Map(input.costs.map((cost) => [cost.id, cost]));

  for (const line of lines) {
    if (line.kind === "LABOUR" && line.labourType) {
      if (!card) flag("no_rate_card", line.id, "no rate card in force for this work", line.net);
      else {
        const rate = toDecimal(card.rates[line.labourType]);
        if (overPrice(line.unitPrice, rate))
          flag(
            "rate_above_card",
            line.id,
            `rate ${money(line.unitPrice)}/h above card ${money(rate)}/h`,
            line.unitPrice.minus(rate).times(line.quantity),
          );
      }
    }
    if (line.kind === "CALLOUT") {
      if (!card) flag("no_rate_card", line.id, "no rate card in force for a call-out fee", line.net);
      else {
        const fee = toDecimal(card.calloutFee);
        if (overPrice(line.net, fee))
          flag(
            "callout_above_card",
            line.id,
            `call-out ${money(line.net)} above card ${money(fee)}`,
            line.net.minus(fee),
          );
      }
    }
    const cost = line.costEntryId ? costs.get(line.costEntryId) : undefined;
    if (line.kind === "COST" && cost) {
      const markup = toDecimal(card?.materialMarkupPercent ?? 0);
      const allowed = roundMoney(toDecimal(cost.unitCost).times(markup.plus(100)).dividedBy(100), currency);
      if (overPrice(line.unitPrice, allowed))
        flag(
          "cost_above_recorded",
          line.id,
          `price ${money(line.unitPrice)} above cost ${money(cost.unitCost)}` +
            (markup.isZero() ? "" : ` plus ${markup.toString()} % markup (${money(allowed)})`),
          line.unitPrice.minus(allowed).times(line.quantity),
        );
      const recorded = toDecimal(cost.quantity);
      if (overQuantity(line.quantity, recorded))
        flag(
          "quantity_above_recorded",
          line.id,
          `${quantityWithUnit(line.quantity, line.unitCode)} invoiced, ${quantityWithUnit(recorded, line.unitCode)} recorded`,
          line.quantity.minus(recorded).times(line.unitPrice),
        );
    }
    if (line.estimateLineId) {
      const agreed = estimate.get(line.estimateLineId);
      if (!agreed) flag("not_in_estimate", line.id, "line not in the approved estimate", line.net);
      else if (overPrice(line.unitPrice, toDecimal(agreed.unitPrice)))
        flag(
          "price_above_estimate",
          line.id,
          `unit price ${money(line.unitPrice)} above estimate ${money(agreed.unitPrice)}`,
          line.unitPrice.minus(toDecimal(agreed.unitPrice)).times(line.quantity),
        );
    } else if (input.approvedEstimate.length > 0) {
      flag("not_in_estimate", line.id, "line not in the approved estimate", line.net);
    } else if (line.kind === "OTHER" || (line.kind === "COST" && !cost)) {
      flag("not_backed", line.id, "line not backed by a recorded cost or an approved estimate", line.net);
    }
  }

  // Quantities billed against one estimate line, over all the lines that name it.
  for (const [estimateLineId, agreed] of estimate) {
    const billing = lines.filter((line) => line.estimateLineId === estimateLineId);
    if (billing.length === 0) continue;
    const quantity = billing.reduce((sum, line) => sum.plus(line.quantity), new Decimal(0));
    const agreedQuantity = toDecimal(agreed.quantity);
    if (overQuantity(quantity, agreedQuantity)) {
      const last = billing[billing.length - 1];
      flag(
        "quantity_above_estimate",
        last.id,
        `${quantityWithUnit(quantity, last.unitCode)} invoiced, ${quantityWithUnit(agreedQuantity, last.unitCode)} in the estimate`,
        quantity.minus(agreedQuantity).times(toDecimal(agreed.unitPrice)),
      );
    }
  }

  // Hours per labour type against the time recorded, and on-site hours against the span
  // between check-in and performed.
  const labour = lines.filter((line) => line.kind === "LABOUR" && line.labourType && line.unitCode === "HUR");
  const hoursOf = (subset: typeof labour) => subset.reduce((sum, line) => sum.plus(line.quantity), new Decimal(0));
  for (const type of new Set(labour.map((line) => line.labourType!))) {
    const ofType = labour.filter((line) => line.labourType === type);
    const invoiced = hoursOf(ofType);
    const recorded = new Decimal(input.recordedMinutes[type] ?? 0).dividedBy(60);
    if (overQuantity(invoiced, recorded))
      flag(
        "hours_above_recorded",
        ofType[ofType.length - 1].id,
        `${formatHours(invoiced)} invoiced, ${formatHours(recorded)} recorded`,
        invoiced.minus(recorded).times(ofType[ofType.length - 1].unitPrice),
      );
  }
  const onSiteLines = labour.filter((line) => ON_SITE_TYPES.includes(line.labourType!));
  if (input.onSiteMinutes !== null && onSiteLines.length > 0) {
    const invoiced = hoursOf(onSiteLines);
    const onSite = new Decimal(input.onSiteMinutes).dividedBy(60);
    const allowed = new Decimal(input.onSiteMinutes + tolerances.onSiteMinutes).dividedBy(60);
    if (invoiced.greaterThan(allowed))
      flag(
        "hours_above_on_site",
        onSiteLines[onSiteLines.length - 1].id,
        `${formatHours(invoiced)} invoiced, ${formatHours(onSite)} between check-in and performed`,
        invoiced.minus(onSite).times(onSiteLines[onSiteLines.length - 1].unitPrice),
      );
  }

  if (input.notToExceed !== null) {
    const total = lines.reduce((sum, line) => sum.plus(line.net), toDecimal(input.otherInvoicesNet));
    const limit = toDecimal(input.notToExceed);
    if (total.greaterThan(limit))
      flag("over_not_to_exceed", null, `total ${money(total)} over not-to-exceed ${money(limit)}`, total.minus(limit));
  }
  return differences;
}

// The most that passes: the agreed figure plus the tolerance in per cent.
function allow(agreed: Decimal, tolerancePercent: TDecimalInput): Decimal {
  return agreed.times(toDecimal(tolerancePercent).plus(100)).dividedBy(100);
}
