const TONES: Record<string, string> = {
  OPEN: "neutral",
  ASSIGNED: "info",
  OFFERED: "info",
  ACCEPTED: "info",
  SCHEDULED: "info",
  IN_PROGRESS: "warning",
  REVISIT: "warning",
  PERFORMED: "warning",
  AWAITING_REVIEW: "warning",
  COMPLETED: "success",
  REVIEWED: "success",
  INVOICED: "success",
  DECLINED: "danger",
  // Invoices and requests.
  DRAFT: "neutral",
  SUBMITTED: "info",
  DISPUTED: "warning",
  APPROVED: "success",
  PAID: "success",
  REJECTED: "danger",
  PENDING: "warning",
  CANCELLED: "danger",
};

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const text = label ?? status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, " ");
  return <span className={`badge badge-${TONES[status] ?? "neutral"}`}>{text}</span>;
}
