import { describe, expect, it } from "vitest";
import { z } from "zod";
import { monthsBetween } from "./report-period";
import { deskReportFiltersSchema } from "./schemas";

const NOW = new Date("2025-03-10T09:00:00Z");
const CLIENT = "cclient0000000000000000001";
const parse = (query: Record<string, unknown>) => {
  const parsed = deskReportFiltersSchema(NOW, [CLIENT]).safeParse(query);
  return parsed.success
    ? { ok: true as const, filters: parsed.data }
    : { ok: false as const, errors: z.flattenError(parsed.error).fieldErrors };
};

describe("Desk report filters", () => {
  it("defaults to the last 12 months including this one, and accepts a blank form", () => {
    expect(parse({})).toEqual({ ok: true, filters: { from: "2024-04", to: "2025-03", client: undefined } });
    expect(parse({ from: "", to: " ", client: "" })).toEqual({
      ok: true,
      filters: { from: "2024-04", to: "2025-03", client: undefined },
    });
  });

  it("fills the missing end of a half-given period", () => {
    expect(parse({ to: "2024-02" })).toMatchObject({ ok: true, filters: { from: "2023-03", to: "2024-02" } });
    expect(parse({ from: "2025-01" })).toMatchObject({ ok: true, filters: { from: "2025-01", to: "2025-03" } });
    expect(parse({ from: "2024-12", to: "2024-12", client: CLIENT })).toEqual({
      ok: true,
      filters: { from: "2024-12", to: "2024-12", client: CLIENT },
    });
  });

  it("refuses malformed months, reversed or too long periods and clients the person does not serve", () => {
    expect(parse({ from: "2025-13" })).toEqual({
      ok: false,
      errors: { from: ["Enter a month as YYYY-MM, for example 2025-01"] },
    });
    expect(parse({ to: "March" })).toEqual({
      ok: false,
      errors: { to: ["Enter a month as YYYY-MM, for example 2025-01"] },
    });
    expect(parse({ from: "2025-02", to: "2025-01" })).toEqual({
      ok: false,
      errors: { to: ["The last month cannot be before the first month"] },
    });
    expect(parse({ from: "2022-01", to: "2024-12" })).toMatchObject({ ok: true });
    expect(parse({ from: "2022-01", to: "2025-01" })).toEqual({
      ok: false,
      errors: { from: ["Choose at most 36 months"] },
    });
    expect(parse({ client: "cother00000000000000000001" })).toEqual({
      ok: false,
      errors: { client: ["Choose one of your clients"] },
    });
    expect(parse({ client: "'; DROP TABLE" })).toEqual({
      ok: false,
      errors: { client: ["Choose one of your clients"] },
    });
    expect(parse({ from: ["2024-01", "2024-02"] })).toMatchObject({ ok: false, errors: { from: ["Enter one value"] } });
  });

  it("lists every month of a period across a year end", () => {
    expect(monthsBetween("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(monthsBetween("2025-02", "2025-01")).toEqual([]);
  });
});
