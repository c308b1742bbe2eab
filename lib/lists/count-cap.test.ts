import { describe, expect, it } from "vitest";
import { describeCount, describePosition } from "./count-cap";

describe("a list's count and position", () => {
  it("says how many match, and 'more than' past the cap", () => {
    expect(describeCount({ matches: 1, more: false }, "work order", "work orders")).toBe("1 work order");
    expect(describeCount({ matches: 2340, more: false }, "work order", "work orders")).toBe("2,340 work orders");
    expect(describeCount({ matches: 10_000, more: true }, "work order", "work orders")).toBe(
      "More than 10,000 work orders",
    );
  });

  it("places a page within the total from its number", () => {
    const count = { matches: 2340, more: false };
    expect(describePosition(1, 50, 50, count, "task", "tasks")).toBe("1–50 of 2,340 tasks");
    expect(describePosition(2, 50, 50, count, "task", "tasks")).toBe("51–100 of 2,340 tasks");
    expect(describePosition(47, 50, 40, count, "task", "tasks")).toBe("2,301–2,340 of 2,340 tasks");
    expect(describePosition(3, 50, 50, { matches: 10_000, more: true }, "task", "tasks")).toBe(
      "101–150 of more than 10,000 tasks",
    );
    // A list that fits on one page just says how many.
    expect(describePosition(1, 50, 12, { matches: 12, more: false }, "task", "tasks")).toBe("12 tasks");
    expect(describePosition(1, 50, 0, { matches: 0, more: false }, "task", "tasks")).toBe("0 tasks");
  });
});
