import { formatCalendarDay } from "@/lib/time/zones";

// Which required accreditations a company (or person) lacks or has let expire.
export type TAccreditation = { type: string; expiresAt: Date };
export type TAccreditationProblem = { type: string; problem: "missing" | "expired"; expiredOn?: Date };

export function accreditationProblems(
  held: TAccreditation[],
  required: string[],
  now = new Date(),
): TAccreditationProblem[] {
  const problems: TAccreditationProblem[] = [];
  for (const type of required) {
    const matching = held.filter((a) => a.type === type);
    if (matching.length === 0) {
      problems.push({ type, problem: "missing" });
      continue;
    }
    const latest = matching.reduce((a, b) => (a.expiresAt > b.expiresAt ? a : b));
    if (latest.expiresAt <= now) problems.push({ type, problem: "expired", expiredOn: latest.expiresAt });
  }
  return problems;
}

export function describeProblem(p: TAccreditationProblem): string {
  return p.problem === "missing" ? `${p.type}: missing` : `${p.type}: expired on ${formatCalendarDay(p.expiredOn)}`;
}

export const EXPIRING_SOON_DAYS = 30;
export type TAccreditationStanding = "valid" | "expiring" | "expired";

// How one accreditation stands today: expiring means within EXPIRING_SOON_DAYS, so the
// contractor has time to renew before work is blocked.
export function accreditationStanding(expiresAt: Date, now = new Date()): TAccreditationStanding {
  if (expiresAt <= now) return "expired";
  return expiresAt.getTime() - now.getTime() <= EXPIRING_SOON_DAYS * 86_400_000 ? "expiring" : "valid";
}
