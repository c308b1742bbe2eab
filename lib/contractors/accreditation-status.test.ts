import { describe, expect, it } from "vitest";
import { accreditationProblems, accreditationStanding, describeProblem } from "./accreditation-status";

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
    expect(problems.map(describeProblem)).toEqual(["Insurance: expired on 1 May 2026", "Electrical: missing"]);
  });

  it("uses the latest renewal of a type", () => {
    const held = [
      { type: "Insurance", expiresAt: new Date("2026-05-01T00:00:00Z") },
      { type: "Insurance", expiresAt: new Date("2027-05-01T00:00:00Z") },
    ];
    expect(accreditationProblems(held, ["Insurance"], now)).toEqual([]);
  });

  it("calls an accreditation expiring from 30 days before its expiry, and expired from its expiry", () => {
    const day = 86_400_000;
    expect(accreditationStanding(new Date(now.getTime() + 31 * day), now)).toBe("valid");
    expect(accreditationStanding(new Date(now.getTime() + 30 * day), now)).toBe("expiring");
    expect(accreditationStanding(new Date(now.getTime() + 1), now)).toBe("expiring");
    expect(accreditationStanding(now, now)).toBe("expired");
    expect(accreditationStanding(new Date(now.getTime() - day), now)).toBe("expired");
  });
});
