import type { TAccreditationStanding } from "@/lib/contractors/accreditation-status";

const BADGES: Record<TAccreditationStanding, { tone: string; label: string }> = {
  valid: { tone: "success", label: "Valid" },
  expiring: { tone: "warning", label: "Expires soon" },
  expired: { tone: "danger", label: "Expired" },
};

export function StandingBadge({ standing }: { standing: TAccreditationStanding }) {
  const { tone, label } = BADGES[standing];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}
