import { formatCalendarDay } from "@/lib/time/zones";
import type { TComplianceProblem } from "./decide-compliance";

// The words for a blocking document, the same on every screen, in errors and on the timeline.
export function describeComplianceProblem(problem: TComplianceProblem): string {
  return problem.problem === "missing"
    ? `${problem.document}: missing`
    : `${problem.document}: expired on ${formatCalendarDay(problem.expiredOn)}`;
}

export function describeComplianceProblems(problems: TComplianceProblem[]): string {
  return problems.map(describeComplianceProblem).join("; ");
}
