import type { ApprovalDecision, Prisma } from "@/generated/prisma/client";

// Whether the organisation counts a line only once its customer approved it too.
export type TCountRule = { requireCustomerApproval: boolean };

type TCountable = { approvedAt: Date | null; supersededAt: Date | null; decision: ApprovalDecision };

// The one rule for which estimate lines count: the not-to-exceed is their net, invoices are
// checked against them, the customer's progress and invoice views are built from them
// (and later owner approvals). A line counts when it is the current version, a manager
// approved it and, where the organisation requires it, the customer approved it too.
// Otherwise the customer's decision is recorded and shown, and changes nothing here.
export function isCounted(line: TCountable, rule: TCountRule): boolean {
  if (!line.approvedAt || line.supersededAt) return false;
  return !rule.requireCustomerApproval || line.decision === "APPROVED";
}

// The same rule as a query condition, for reads that need only the counted lines.
export function countedLinesWhere(rule: TCountRule): Prisma.EstimateLineWhereInput {
  return {
    approvedAt: { not: null },
    supersededAt: null,
    ...(rule.requireCustomerApproval ? { decision: "APPROVED" as const } : {}),
  };
}

// A work order's counting rule, read from its organisation (in the caller's transaction).
export async function readCountRule(
  tx: Pick<Prisma.TransactionClient, "organisation">,
  organisationId: string,
): Promise<TCountRule> {
  return tx.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { requireCustomerApproval: true },
  });
}
