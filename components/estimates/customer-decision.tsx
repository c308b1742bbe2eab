import type { ApprovalDecision } from "@/generated/prisma/client";

const WORDS: Record<ApprovalDecision, { label: string; badge: string }> = {
  PENDING: { label: "Pending", badge: "badge-neutral" },
  APPROVED: { label: "Approved", badge: "badge-success" },
  REJECTED: { label: "Rejected", badge: "badge-danger" },
};

// The customer's decision on a line, as staff and the contractor read it.
export function CustomerDecision({
  decision,
  comment,
  signed,
}: {
  decision: ApprovalDecision;
  comment: string | null;
  signed: boolean;
}) {
  const words = WORDS[decision];
  return (
    <span data-testid="customer-decision">
      <span className={`badge ${words.badge}`}>{words.label}</span>
      {signed && <small className="hint"> signed</small>}
      {comment && <small className="hint prewrap"> “{comment}”</small>}
    </span>
  );
}
