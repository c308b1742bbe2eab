import { describe, expect, it } from "vitest";
import { currencyMinorUnits } from "./currency";
import { toDecimal } from "./decimal";
import { formatMoney } from "./format-money";
import { moneyString } from "./money-string";
import { parseMoneyInput } from "./parse-money-input";
import { priceLine } from "./price-line";
import { checkAmountForCurrency } from "./check-amount-for-currency";
import { ZAmountText, ZCurrency, zAmountIn } from "./schemas";
import { sumLines } from "./sum-lines";
import { totalByCurrency } from "./total-by-currency";

describe("currencies", () => {
  it.each([
    ["GBP", 2],
    ["EUR", 2],
    ["USD", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["BHD", 3],
    ["KWD", 3],
  ])("%s has %i minor digits", (currency, digits) => {
    expect(currencyMinorUnits(currency)).toBe(digits);
  });

  it("refuses a code that is not ISO 4217", () => {
    expect(() => currencyMinorUnits("XYZ1")).toThrow(/Unknown currency/);
    expect(ZCurrency.safeParse("gbp")).toEqual({ success: true, data: "GBP" });
    expect(ZCurrency.safeParse("POUNDS").success).toBe(false);
  });
});

describe("the one rounding rule: half away from zero, to the minor unit", () => {
  it.each([
    ["2.345", "GBP", "2.35"],
    ["2.344999", "GBP", "2.34"],
    ["-2.345", "GBP", "-2.35"],
    ["0.005", "GBP", "0.01"],
    ["0.004", "GBP", "0.00"],
    ["1234.5", "JPY", "1235"],
    ["1234.4", "JPY", "1234"],
    ["-0.5", "JPY", "-1"],
    ["1.2345", "BHD", "1.235"],
    ["10", "EUR", "10.00"],
    // 0.1 + 0.2 in floating point is 0.30000000000000004; here it is exact.
    ["0.30000000000000000001", "EUR", "0.30"],
  ])("%s %s is %s", (value, currency, expected) => {
    expect(moneyString(value, currency)).toBe(expected);
  });

  it("never takes a fractional number, which already carries binary rounding", () => {
    expect(() => toDecimal(0.1)).toThrow(/fractional number/);
    expect(toDecimal(12).toString()).toBe("12");
  });
});

describe("a line: net rounded once, tax on the rounded net, per line", () => {
  it.each([
    // quantity, unit price, discount %, tax %, currency → net, tax, gross
    ["3", "85.00", "0", "20", "GBP", "255.00", "51.00", "306.00"],
    ["1.5", "85.00", "0", "20", "GBP", "127.50", "25.50", "153.00"],
    ["2.75", "33.33", "0", "20", "GBP", "91.66", "18.33", "109.99"],
    ["1", "19.99", "10", "20", "GBP", "17.99", "3.60", "21.59"],
    ["0.333", "10.00", "0", "5", "GBP", "3.33", "0.17", "3.50"],
    ["1", "0.05", "0", "5", "GBP", "0.05", "0.00", "0.05"],
    ["3", "1999", "0", "10", "JPY", "5997", "600", "6597"],
    ["1", "12.345", "0", "10", "BHD", "12.345", "1.235", "13.580"],
    ["4", "12.50", "100", "20", "EUR", "0.00", "0.00", "0.00"],
    ["1", "100.00", "0", "0", "EUR", "100.00", "0.00", "100.00"],
    ["2", "-15.00", "0", "20", "GBP", "-30.00", "-6.00", "-36.00"],
  ])(
    "%s × %s less %s%% with %s%% tax in %s",
    (quantity, unitPrice, discountPercent, taxPercent, currency, net, tax, gross) => {
      const line = priceLine({ quantity, unitPrice, discountPercent, taxPercent }, currency);
      expect([
        moneyString(line.net, currency),
        moneyString(line.tax, currency),
        moneyString(line.gross, currency),
      ]).toEqual([net, tax, gross]);
    },
  );
});

describe("labour priced from exact minutes: minutes ÷ 60 × rate, rounded once", () => {
  // Worked by hand. Before, minutes became 3-decimal hours first: 0.833 × 75 = 62.475 → 62.48.
  it.each([
    [50, "75.00", "GBP", "62.50"],
    [20, "85.00", "GBP", "28.33"], // 28.333…
    [25, "85.00", "GBP", "35.42"], // 35.4166…
    [7, "99.99", "GBP", "11.67"], // 11.6655
    [90, "40.00", "GBP", "60.00"],
    [1, "0.01", "GBP", "0.00"], // 0.000166…
    [50, "7500", "JPY", "6250"],
    [50, "12.345", "KWD", "10.288"], // 10.2875
  ])("%i min at %s %s nets %s", (minutes, rate, currency, net) => {
    expect(
      moneyString(priceLine({ quantity: "0", minutes, unitPrice: rate, taxPercent: 0 }, currency).net, currency),
    ).toBe(net);
  });

  it("prices from the minutes, not the hours shown, and taxes the rounded net", () => {
    const line = priceLine({ quantity: "0.833", minutes: 50, unitPrice: "75", taxPercent: "20" }, "GBP");
    expect([line.net.toFixed(2), line.tax.toFixed(2), line.gross.toFixed(2)]).toEqual(["62.50", "12.50", "75.00"]);
    expect(priceLine({ quantity: "0.833", unitPrice: "75", taxPercent: 0 }, "GBP").net.toFixed(2)).toBe("62.48");
  });
});

describe("sums", () => {
  it("adds the lines' rounded amounts, so the printed lines add up to the printed total", () => {
    // Three lines of 0.333 × 10.00 at 20 %: each 3.33 + 0.67. Pricing the sum instead
    // would give 9.99 + 2.00.
    const line = { quantity: "0.333", unitPrice: "10.00", taxPercent: "20" };
    const totals = sumLines([line, line, line], "GBP");
    expect([totals.net.toFixed(2), totals.tax.toFixed(2), totals.gross.toFixed(2)]).toEqual(["9.99", "2.01", "12.00"]);
  });

  it("summarises tax per rate, highest rate first", () => {
    const totals = sumLines(
      [
        { quantity: "2", unitPrice: "50.00", taxPercent: "20" },
        { quantity: "1", unitPrice: "30.00", taxPercent: "5" },
        { quantity: "1", unitPrice: "12.10", taxPercent: "20" },
        { quantity: "1", unitPrice: "8.00", taxPercent: "0" },
      ],
      "GBP",
    );
    expect(totals.taxByRate.map((r) => [r.taxPercent, r.net.toFixed(2), r.tax.toFixed(2)])).toEqual([
      ["20", "112.10", "22.42"],
      ["5", "30.00", "1.50"],
      ["0", "8.00", "0.00"],
    ]);
    expect(totals.gross.toFixed(2)).toBe("174.02");
  });

  it("has no lines: zero", () => {
    expect(sumLines([], "JPY").gross.toFixed(0)).toBe("0");
  });

  it("never adds two currencies: one total each", () => {
    expect(
      totalByCurrency([
        { amount: "100.10", currency: "GBP" },
        { amount: "2000", currency: "JPY" },
        { amount: "0.20", currency: "GBP" },
        { amount: "5.5", currency: "EUR" },
      ]),
    ).toEqual([
      { currency: "EUR", total: "5.50" },
      { currency: "GBP", total: "100.30" },
      { currency: "JPY", total: "2000" },
    ]);
  });
});

describe("formatting and reading amounts", () => {
  it.each([
    ["1240", "GBP", "en-GB", "£1,240.00"],
    ["12400", "JPY", "en-GB", "JP¥12,400"],
    ["1234567.891", "BHD", "en-GB", "BHD 1,234,567.891"],
    ["1240.5", "EUR", "de-DE", "1.240,50 €"],
    // Beyond a double's exact range: still exact.
    ["90071992547409.93", "GBP", "en-GB", "£90,071,992,547,409.93"],
  ])("%s %s in %s reads %s", (amount, currency, locale, expected) => {
    expect(formatMoney(amount, currency, locale).replace(/\u00a0/g, " ")).toBe(expected);
  });

  it("shows a missing amount as a dash", () => {
    expect(formatMoney(null, "GBP")).toBe("—");
  });

  it("refuses an amount no amount column can hold, with the largest it takes", () => {
    expect(zAmountIn("GBP").safeParse("99999999999.99").data).toBe("99999999999.99");
    expect(zAmountIn("GBP").safeParse("999,999,999,999.99").error?.issues[0].message).toBe(
      "Enter at most 99,999,999,999.99",
    );
    expect(ZAmountText.safeParse("100000000000").error?.issues[0].message).toBe("Enter at most 99,999,999,999.99");
  });

  it.each([
    ["1240", "GBP", { ok: true, value: "1240.00" }],
    ["1,240.5", "GBP", { ok: true, value: "1240.50" }],
    ["£ 1 240.50", "GBP", { ok: true, value: "1240.50" }],
    ["12.345", "GBP", { ok: false, error: "GBP has 2 decimals at most" }],
    ["12.5", "JPY", { ok: false, error: "JPY has no decimals" }],
    ["twelve", "GBP", { ok: false, error: "Enter an amount such as 1240.50" }],
    ["1e5", "GBP", { ok: false, error: "Enter an amount such as 1240.50" }],
    ["", "GBP", { ok: false, error: "Enter an amount such as 1240.50" }],
    ["12,50", "EUR", { ok: false, error: "Enter an amount such as 1240.50" }],
    ["1,234,567", "JPY", { ok: true, value: "1234567" }],
  ])("reads %j in %s", (input, currency, expected) => {
    expect(parseMoneyInput(input, currency)).toEqual(expected);
  });

  it("a form's amount field: empty is absent, negative or not an amount is refused, then held to the currency", () => {
    expect(ZAmountText.safeParse("").data).toBeUndefined();
    expect(ZAmountText.safeParse("1,240.5").data).toBe("1240.5");
    expect(ZAmountText.safeParse("-1").error?.issues[0].message).toBe("An amount cannot be negative");
    expect(ZAmountText.safeParse("0.1234").error?.issues[0].message).toBe("Enter an amount such as 1240.50");
    expect(checkAmountForCurrency("notToExceed", "1240.5", "GBP")).toBe("1240.50");
    expect(checkAmountForCurrency("notToExceed", undefined, "GBP")).toBeUndefined();
    expect(() => checkAmountForCurrency("notToExceed", "1240.5", "JPY")).toThrow(
      expect.objectContaining({ code: "INVALID_INPUT", fieldErrors: { notToExceed: ["JPY has no decimals"] } }),
    );
  });
});

describe("an amount field in a known currency", () => {
  it.each([
    ["12.345", "GBP", { ok: false, message: "GBP has 2 decimals at most" }],
    ["12.5", "JPY", { ok: false, message: "JPY has no decimals" }],
    ["12.5", "GBP", { ok: true, value: "12.50" }],
    ["1,500", "JPY", { ok: true, value: "1500" }],
    ["-3", "EUR", { ok: false, message: "An amount cannot be negative" }],
  ])("%s in %s", (input, currency, expected) => {
    const parsed = zAmountIn(currency).safeParse(input);
    expect(
      parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: parsed.error.issues[0].message },
    ).toEqual(expected);
  });
});
