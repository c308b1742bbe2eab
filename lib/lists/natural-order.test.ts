import { describe, expect, it } from "vitest";
import { byNaturalName } from "./natural-order";

describe("natural order of names", () => {
  it("puts numbers in numeric order and ignores case", () => {
    const names = ["Retail unit 19", "retail unit 5", "Depot 1", "Retail unit 100", "Depot 10", "Apartments 2"];
    expect(byNaturalName(names.map((name) => ({ name }))).map((s) => s.name)).toEqual([
      "Apartments 2",
      "Depot 1",
      "Depot 10",
      "retail unit 5",
      "Retail unit 19",
      "Retail unit 100",
    ]);
  });
});
