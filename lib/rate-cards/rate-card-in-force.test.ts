import { describe, expect, it } from "vitest";
import { rateCardInForce } from "./rate-card-in-force";

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const card = (
  name: string,
  version: number,
  validFrom: string,
  validTo: string | null,
  categoryId: string | null = null,
  status = "ACCEPTED",
) => ({ name, version, validFrom: day(validFrom), validTo: validTo ? day(validTo) : null, categoryId, status });

const CARDS = [
  card("2026 terms", 1, "2026-01-01", "2026-12-31"),
  card("a rise from July", 3, "2026-07-01", null),
  card("gas work", 4, "2026-03-01", "2026-09-30", "gas"),
  card("proposed, never accepted", 5, "2026-01-01", null, null, "PROPOSED"),
  card("rejected", 6, "2026-01-01", null, "gas", "REJECTED"),
  card("2025 terms", 2, "2025-01-01", "2025-12-31"),
];

describe("the rate card in force on the day of the work", () => {
  it.each([
    ["2026-02-10", null, "2026 terms"],
    ["2026-07-01", null, "a rise from July"],
    ["2026-06-30", null, "2026 terms"],
    ["2025-05-05", null, "2025 terms"],
    ["2027-03-01", null, "a rise from July"],
    ["2026-04-01", "gas", "gas work"],
    ["2026-10-01", "gas", "a rise from July"],
    ["2026-04-01", "electrical", "2026 terms"],
    ["2024-12-31", null, null],
  ])("on %s in trade %s: %s", (workDay, trade, expected) => {
    expect(rateCardInForce(CARDS, workDay, trade)?.name ?? null).toBe(expected);
  });

  it("the last day of a card is still in force; a proposal never is", () => {
    expect(rateCardInForce(CARDS, "2026-09-30", "gas")?.name).toBe("gas work");
    expect(rateCardInForce([card("only proposed", 1, "2026-01-01", null, null, "PROPOSED")], "2026-05-05", null)).toBe(
      null,
    );
  });
});
