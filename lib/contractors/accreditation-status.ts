// Which required accreditations a company (or person) lacks or has let expire.
export type TAccreditation = { type: string; expiresAt: Date };
export type TAccreditationProblem = { type: string; problem: "missing" | "expired"; expiredOn?: Date };

export function accreditationProblems(held: TAccreditation[], required: string[], now = new Date()): TAccreditationProblem[] {
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
  return p.problem === "missing" ? `${p.type}: missing` : `${p.type}: expired ${p.expiredOn?.toISOString().slice(0, 10)}`;
}
