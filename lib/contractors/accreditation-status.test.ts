import { describe, expect, it } from "vitest";
import { accreditationProblems, describeProblem } from "./accreditation-status";

const now = new Date("2026-06-01T00:00:00Z");

describe("accreditation problems", () => {
  it("flags missing and expired requirements and accepts valid ones", () => {
    const held = [
      { type: "Insurance", expiresAt: new Date("2026-05-01T00:00:00Z") },
      { type: "Gas", expiresAt: new Date("2027-01-01T00:00:00Z") },
    ];
    const problems = accreditationProblems(held, ["Insurance", "Gas", "Electrical"], now);
    expect(problems).toEqual([
      { type: "Insurance", problem: "expired", expiredOn: new Date("2026-05-01T00:00:00Z") },
      { type: "Electrical", problem: "missing" },
    ]);
    expect(problems.map(describeProblem)).toEqual(["Insurance: expired 2026-05-01", "Electrical: missing"]);
  });

  it("uses the latest renewal of a type", () => {
    const held = [
      { type: "Insurance", expiresAt: new Date("2026-05-01T00:00:00Z") },
      { type: "Insurance", expiresAt: new Date("2027-05-01T00:00:00Z") },
    ];
    expect(accreditationProblems(held, ["Insurance"], now)).toEqual([]);
  });
});
