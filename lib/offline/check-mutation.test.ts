import { describe, expect, it } from "vitest";
import { assertValidChange, InvalidChangeError, mutationProblems } from "./check-mutation";

const TASK = "c0000000000000000000000001";

describe("the phone checks a change with the server's own schema before saving it", () => {
  it("names the field and the server's limit for over-long or empty input", () => {
    expect(
      mutationProblems(TASK, {
        type: "report_defect",
        defectId: crypto.randomUUID(),
        severity: "HIGH",
        description: "x".repeat(5001),
      }),
    ).toEqual({ description: "Use at most 5,000 characters" });
    expect(
      mutationProblems(TASK, {
        type: "report_defect",
        defectId: crypto.randomUUID(),
        severity: "HIGH",
        description: "   ",
      }),
    ).toEqual({ description: "Describe the defect" });
    expect(mutationProblems(TASK, { type: "request_revisit", reason: "y".repeat(2001) })).toEqual({
      reason: "Use at most 2,000 characters",
    });
    expect(
      mutationProblems(TASK, {
        type: "record_result",
        serviceTaskId: TASK,
        changes: { answer: "z".repeat(5001) },
        base: {},
      }),
    ).toEqual({ "changes.answer": "Use at most 5,000 characters" });
    const perform = mutationProblems(TASK, {
      type: "perform",
      notes: "n".repeat(10_001),
      technicianSignature: { name: "Sam", svg: "<svg><script>alert(1)</script></svg>" },
    });
    expect(perform).toEqual({
      notes: "Use at most 10,000 characters",
      "technicianSignature.svg": "Draw your signature again",
    });
  });

  it("accepts what the server accepts, and the app's actions refuse what it would not", () => {
    expect(mutationProblems(TASK, { type: "request_revisit", reason: "Part on order" })).toEqual({});
    expect(() => assertValidChange(TASK, { type: "request_revisit", reason: "" })).toThrow(InvalidChangeError);
  });
});
