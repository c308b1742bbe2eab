// The compliance gate's one decision: may this contractor be given (or invited to quote)
// work of a trade, given the documents the trade requires and the company's accreditations
// now. The answer names each document that stops it, so every screen and email says the
// same thing. A document counts until the moment it expires.
export type THeldDocument = { type: string; expiresAt: Date };
export type TComplianceProblem = { document: string; problem: "missing" | "expired"; expiredOn?: Date };
export type TComplianceDecision = { allowed: boolean; problems: TComplianceProblem[] };

// A contractor names its accreditation; the organisation names its document type. They are
// the same document when the names agree whatever the case and the spacing.
export const documentKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

export function decideCompliance(required: string[], held: THeldDocument[], now: Date): TComplianceDecision {
  const problems: TComplianceProblem[] = [];
  for (const document of required) {
    const matching = held.filter((h) => documentKey(h.type) === documentKey(document));
    if (matching.length === 0) {
      problems.push({ document, problem: "missing" });
      continue;
    }
    const latest = matching.reduce((a, b) => (a.expiresAt > b.expiresAt ? a : b));
    if (latest.expiresAt <= now) problems.push({ document, problem: "expired", expiredOn: latest.expiresAt });
  }
  return { allowed: problems.length === 0, problems };
}

// A manager's decision to give work to a contractor the gate stops, kept with the work.
export type TComplianceOverride = {
  reason: string;
  byUserId: string;
  byName: string;
  at: string;
  problems: { document: string; problem: TComplianceProblem["problem"]; expiredOn?: string }[];
};

export function overrideRecord(
  decision: TComplianceDecision,
  by: { userId: string; name: string },
  reason: string,
  at: Date,
): TComplianceOverride {
  return {
    reason,
    byUserId: by.userId,
    byName: by.name,
    at: at.toISOString(),
    problems: decision.problems.map((p) => ({
      document: p.document,
      problem: p.problem,
      ...(p.expiredOn ? { expiredOn: p.expiredOn.toISOString() } : {}),
    })),
  };
}
