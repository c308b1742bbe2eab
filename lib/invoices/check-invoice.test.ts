import { describe, expect, it } from "vitest";
import { checkInvoice, type TCheckInput, type TCheckLine } from "./check-invoice";
import { draftInvoiceLines } from "./draft-invoice-lines";
import { lineQuantity } from "./line-quantity";
import { priceLine } from "@/lib/money/price-line";
import { formatHours } from "./format-hours";

const card = {
  rates: { NORMAL: "85", OVERTIME: "127.5", CALLOUT: "110", TRAVEL: "40" },
  calloutFee: "60",
  materialMarkupPercent: "10",
};

const labour = (fields: Partial<TCheckLine> = {}): TCheckLine => ({
  id: "labour",
  kind: "LABOUR",
  labourType: "NORMAL",
  description: "Labour, normal",
  quantity: "3",
  unitCode: "HUR",
  unitPrice: "85",
  estimateLineId: null,
  costEntryId: null,
  ...fields,
});

const base = (fields: Partial<TCheckInput> = {}): TCheckInput => ({
  currency: "GBP",
  lines: [labour()],
  approvedEstimate: [],
  notToExceed: null,
  otherInvoicesNet: "0",
  rateCard: card,
  recordedMinutes: { NORMAL: 180 },
  costs: [],
  onSiteMinutes: null,
  tolerances: { pricePercent: "0", quantityPercent: "0", onSiteMinutes: 15 },
  ...fields,
});

const tolerant = { pricePercent: "5", quantityPercent: "10", onSiteMinutes: 30 };

// Each case: the facts, then the differences expected as "code: reason = amount".
const CASES: [string, TCheckInput, string[]][] = [
  ["matches the card and the time recorded", base(), []],
  [
    "a rate above the card",
    base({ lines: [labour({ unitPrice: "95" })] }),
    ["rate_above_card: rate £95.00/h above card £85.00/h = 30.00"],
  ],
  [
    "a rate above the card within the price tolerance",
    base({ lines: [labour({ unitPrice: "89" })], tolerances: tolerant }),
    [],
  ],
  [
    "a rate just over the price tolerance",
    base({ lines: [labour({ unitPrice: "89.26" })], tolerances: tolerant }),
    ["rate_above_card: rate £89.26/h above card £85.00/h = 12.78"],
  ],
  [
    "more hours than recorded",
    base({ lines: [labour({ quantity: "4.5" })] }),
    ["hours_above_recorded: 4.5 h invoiced, 3.0 h recorded = 127.50"],
  ],
  [
    "more hours than recorded within the quantity tolerance",
    base({ lines: [labour({ quantity: "3.3" })], tolerances: tolerant }),
    [],
  ],
  [
    "more hours than between check-in and performed",
    base({ lines: [labour({ quantity: "4.5" })], recordedMinutes: { NORMAL: 270 }, onSiteMinutes: 120 }),
    ["hours_above_on_site: 4.5 h invoiced, 2.0 h between check-in and performed = 212.50"],
  ],
  [
    "on-site hours within the minutes of tolerance",
    base({ lines: [labour({ quantity: "2.25" })], recordedMinutes: { NORMAL: 135 }, onSiteMinutes: 120 }),
    [],
  ],
  [
    "travel time does not count against the time on site",
    base({
      lines: [
        labour({ quantity: "2" }),
        labour({ id: "travel", labourType: "TRAVEL", quantity: "1", unitPrice: "40" }),
      ],
      recordedMinutes: { NORMAL: 120, TRAVEL: 60 },
      onSiteMinutes: 120,
    }),
    [],
  ],
  [
    "labour with no rate card in force",
    base({ rateCard: null }),
    ["no_rate_card: no rate card in force for this work = 255.00"],
  ],
  [
    "a call-out above the card's fee",
    base({
      lines: [
        labour(),
        labour({ id: "callout", kind: "CALLOUT", labourType: null, quantity: "1", unitCode: "C62", unitPrice: "80" }),
      ],
    }),
    ["callout_above_card: call-out £80.00 above card £60.00 = 20.00"],
  ],
  [
    "a cost above its recorded cost plus the markup",
    base({
      lines: [
        labour(),
        labour({
          id: "cost",
          kind: "COST",
          labourType: null,
          quantity: "2",
          unitCode: "C62",
          unitPrice: "12",
          costEntryId: "c1",
        }),
      ],
      costs: [{ id: "c1", quantity: "2", unitCost: "10" }],
    }),
    ["cost_above_recorded: price £12.00 above cost £10.00 plus 10 % markup (£11.00) = 2.00"],
  ],
  [
    "a cost at its cost plus the markup, in a larger quantity than recorded",
    base({
      lines: [
        labour(),
        labour({
          id: "cost",
          kind: "COST",
          labourType: null,
          quantity: "3",
          unitCode: "C62",
          unitPrice: "11",
          costEntryId: "c1",
        }),
      ],
      costs: [{ id: "c1", quantity: "2", unitCost: "10" }],
    }),
    ["quantity_above_recorded: 3 ea invoiced, 2 ea recorded = 11.00"],
  ],
  [
    "a line not in the approved estimate",
    base({
      lines: [
        labour({ estimateLineId: "e1" }),
        labour({
          id: "extra",
          kind: "OTHER",
          labourType: null,
          quantity: "1",
          unitCode: "C62",
          unitPrice: "200",
          description: "Extra valve",
        }),
      ],
      approvedEstimate: [{ id: "e1", quantity: "3", unitPrice: "85" }],
    }),
    ["not_in_estimate: line not in the approved estimate = 200.00"],
  ],
  [
    "a price and a quantity above the estimate line it bills",
    base({
      lines: [labour({ estimateLineId: "e1", unitPrice: "85", quantity: "3" })],
      approvedEstimate: [{ id: "e1", quantity: "2", unitPrice: "80" }],
    }),
    [
      "price_above_estimate: unit price £85.00 above estimate £80.00 = 15.00",
      "quantity_above_estimate: 3 h invoiced, 2 h in the estimate = 80.00",
    ],
  ],
  [
    "a line backed by nothing when there is no estimate",
    base({
      lines: [
        labour(),
        labour({ id: "misc", kind: "OTHER", labourType: null, quantity: "1", unitCode: "C62", unitPrice: "50" }),
      ],
    }),
    ["not_backed: line not backed by a recorded cost or an approved estimate = 50.00"],
  ],
  [
    "over the not-to-exceed with the work order's other invoices",
    base({ lines: [labour({ quantity: "3", unitPrice: "85" })], notToExceed: "1000", otherInvoicesNet: "985" }),
    ["over_not_to_exceed: total £1,240.00 over not-to-exceed £1,000.00 = 240.00"],
  ],
  ["exactly at the not-to-exceed", base({ notToExceed: "255" }), []],
  [
    "JPY: no decimals in the amounts",
    base({
      currency: "JPY",
      lines: [labour({ unitPrice: "9500" })],
      rateCard: { ...card, rates: { ...card.rates, NORMAL: "8500" } },
    }),
    ["rate_above_card: rate JP¥9,500/h above card JP¥8,500/h = 3000"],
  ],
];

describe("checking an invoice against what was agreed and recorded", () => {
  it.each(CASES)("%s", (_name, input, expected) => {
    expect(checkInvoice(input).map((d) => `${d.code}: ${d.reason} = ${d.amount}`)).toEqual(expected);
  });
});

describe("drafting an invoice from the work recorded", () => {
  const cardRow = (fields: Record<string, unknown>) => ({
    id: "card-1",
    status: "ACCEPTED",
    version: 1,
    categoryId: null,
    validFrom: new Date("2026-01-01T00:00:00Z"),
    validTo: null as Date | null,
    normalRate: "85",
    overtimeRate: "127.5",
    calloutRate: "110",
    travelRate: "40",
    calloutFee: "60",
    materialMarkupPercent: "10",
    ...fields,
  });
  const input = {
    currency: "GBP",
    defaultTaxPercent: "20",
    categoryId: null,
    completedDay: "2026-12-01",
    timeEntries: [
      { id: "t1", workDate: new Date("2026-11-30T00:00:00Z"), minutes: 90, labourType: "NORMAL" as const },
      { id: "t2", workDate: new Date("2026-12-01T00:00:00Z"), minutes: 50, labourType: "NORMAL" as const },
      { id: "t3", workDate: new Date("2026-12-01T00:00:00Z"), minutes: 30, labourType: "TRAVEL" as const },
    ],
    costs: [{ id: "c1", description: "Valve", quantity: "2", unitCode: "C62", unitCost: "10.05" }],
    approvedEstimate: [{ id: "e1", description: "Labour", unitCode: "HUR" }],
  };

  it("prices time by the card in force on its day, adds the call-out and marks costs up", () => {
    const draft = draftInvoiceLines({ ...input, cards: [cardRow({})] });
    expect(draft.noRateCard).toBe(false);
    expect(
      draft.lines.map((l) => [
        l.kind,
        l.labourType,
        l.quantity,
        l.unitPrice,
        l.timeEntryIds,
        l.costEntryId,
        l.estimateLineId,
      ]),
    ).toEqual([
      ["LABOUR", "NORMAL", "2.333", "85.00", ["t1", "t2"], null, "e1"],
      ["LABOUR", "TRAVEL", "0.5", "40.00", ["t3"], null, "e1"],
      ["CALLOUT", null, "1", "60.00", [], null, null],
      // 10.05 + 10 % = 11.055, rounded once, half away from zero.
      ["COST", null, "2", "11.06", [], "c1", null],
    ]);
  });

  it("splits labour where a new card version starts, naming the version", () => {
    const draft = draftInvoiceLines({
      ...input,
      cards: [
        cardRow({ validTo: new Date("2026-11-30T00:00:00Z") }),
        cardRow({ id: "card-2", version: 2, validFrom: new Date("2026-12-01T00:00:00Z"), normalRate: "90" }),
      ],
    });
    expect(draft.lines.filter((l) => l.kind === "LABOUR").map((l) => [l.description, l.quantity, l.unitPrice])).toEqual(
      [
        ["Labour, normal (rate card v1)", "1.5", "85.00"],
        ["Labour, normal (rate card v2)", "0.833", "90.00"],
        ["Labour, travel (rate card v2)", "0.5", "40.00"],
      ],
    );
    expect(draft.rateCardId).toBe("card-2");
  });

  it("keeps each labour line's exact minutes, which price it: 140 min at £85 is £198.33, not 2.333 h × £85 = £198.31", () => {
    const draft = draftInvoiceLines({ ...input, cards: [cardRow({})] });
    const labour = draft.lines.filter((l) => l.kind === "LABOUR");
    expect(labour.map((l) => [l.labourType, l.minutes, l.quantity])).toEqual([
      ["NORMAL", 140, "2.333"],
      ["TRAVEL", 30, "0.5"],
    ]);
    const net = (line: (typeof labour)[number]) =>
      priceLine(
        { quantity: line.quantity, minutes: line.minutes, unitPrice: line.unitPrice!, taxPercent: 0 },
        "GBP",
      ).net.toFixed(2);
    expect(labour.map(net)).toEqual(["198.33", "20.00"]);
    expect(lineQuantity(labour[0])).toBe("2:20 h");
  });

  it("leaves work no card covers unpriced and flags it, never 0", () => {
    const draft = draftInvoiceLines({ ...input, cards: [] });
    expect(draft.noRateCard).toBe(true);
    expect(draft.lines.filter((l) => l.kind === "LABOUR").every((l) => l.unitPrice === null)).toBe(true);
    expect(draft.lines.find((l) => l.kind === "COST")?.unitPrice).toBe("10.05");
    expect(draft.lines.some((l) => l.kind === "CALLOUT")).toBe(false);
  });

  it("reads hours as a difference does", () => {
    expect([formatHours("4.5"), formatHours("3"), formatHours("0.8333")]).toEqual(["4.5 h", "3.0 h", "0.83 h"]);
  });
});
