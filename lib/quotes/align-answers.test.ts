import { describe, expect, it } from "vitest";
import { alignAnswers } from "./align-answers";

const answer = (gross: string, day: string | null, ...descriptions: string[]) => ({
  gross,
  proposedDate: day ? new Date(`${day}T00:00:00Z`) : null,
  lines: descriptions.map((description) => ({ description })),
});
const descriptionsOf = (cells: ({ description: string } | null)[]) => cells.map((c) => c?.description ?? null);

describe("aligning answers line by line", () => {
  it("matches lines by description whatever the case and spacing, in first-seen order", () => {
    const aligned = alignAnswers([
      answer("100.00", "2027-01-10", "Labour", "Boiler  valve"),
      answer("90.00", "2027-01-09", "boiler valve", "labour"),
    ]);
    expect(aligned.rows.map((r) => r.description)).toEqual(["Labour", "Boiler  valve"]);
    expect(descriptionsOf(aligned.rows[1].cells)).toEqual(["Boiler  valve", "boiler valve"]);
    expect(aligned.apart).toEqual([]);
  });

  it("keeps lines only one bidder quoted apart, and leaves silent bidders' cells empty", () => {
    const aligned = alignAnswers([answer("100.00", null, "Labour", "Scaffold"), null, answer("80", null, "Labour")]);
    expect(aligned.rows).toHaveLength(1);
    expect(descriptionsOf(aligned.rows[0].cells)).toEqual(["Labour", null, "Labour"]);
    expect(aligned.apart).toEqual([{ column: 0, line: { description: "Scaffold" } }]);
  });

  it("pairs a description used twice by one bidder with the same one's second use elsewhere", () => {
    const aligned = alignAnswers([answer("1", null, "Part", "Part"), answer("2", null, "Part")]);
    expect(aligned.rows).toHaveLength(1);
    expect(aligned.apart).toEqual([{ column: 0, line: { description: "Part" } }]);
  });

  it("shows every line of a single answer as a row", () => {
    const aligned = alignAnswers([null, answer("5", null, "A", "B")]);
    expect(aligned.rows.map((r) => r.description)).toEqual(["A", "B"]);
  });

  it.each([
    [["100.00", "99.99", "100"], [1], "lowest total"],
    [["50.10", "50.1", "70"], [0, 1], "ties are all marked"],
  ])("marks the %j %s", (totals, lowest) => {
    const aligned = alignAnswers(totals.map((gross) => answer(gross, null, "X")));
    expect([...aligned.lowestTotal]).toEqual(lowest);
  });

  it("marks the earliest proposed date among the answers that give one", () => {
    const aligned = alignAnswers([
      answer("1", "2027-02-02", "X"),
      answer("2", null, "X"),
      answer("3", "2027-02-01", "X"),
    ]);
    expect([...aligned.earliestDate]).toEqual([2]);
  });
});
