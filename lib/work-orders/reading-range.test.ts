import { describe, expect, it } from "vitest";
import { isOutOfRange } from "./reading-range";

describe("reading ranges", () => {
  it("flags readings below or above the allowed range, including one-sided ranges, and never an empty reading", () => {
    expect([8.9, 9, 11, 11.1].map((r) => isOutOfRange({ minValue: 9, maxValue: 11 }, r))).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(isOutOfRange({ minValue: 1, maxValue: null }, 0.5)).toBe(true);
    expect(isOutOfRange({ minValue: 1, maxValue: null }, 500)).toBe(false);
    expect(isOutOfRange({ minValue: null, maxValue: null }, -3)).toBe(false);
    expect(isOutOfRange({ minValue: 9, maxValue: 11 }, null)).toBe(false);
  });
});
