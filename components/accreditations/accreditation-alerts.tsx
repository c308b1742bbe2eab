import Link from "next/link";
import { formatCalendarDay } from "@/components/ui/format";
import type { TAccreditationAlert as TAlert } from "@/lib/accreditations/list-accreditation-alerts";

// A contractor's Desk home, before its tasks: the accreditations that have lapsed (clients
// cannot assign it work that needs them) or lapse within 30 days, with where to renew.
export function AccreditationAlerts({
  alerts,
  total,
  showCompany,
}: {
  alerts: TAlert[];
  total: number;
  showCompany: boolean;
}) {
  if (total === 0) return null;
  const expired = alerts.some((a) => a.standing === "expired");
  return (
    <section
      className={`alert ${expired ? "alert-error" : "alert-warning"} banner`}
      aria-label="Accreditations to renew"
      data-testid="accreditation-alerts"
    >
      <strong>{total === 1 ? "An accreditation needs renewing" : `${total} accreditations need renewing`}</strong>
      <ul>
        {alerts.map((a) => (
          <li key={a.id}>
            {a.type}
            {a.person ? ` (${a.person})` : ""}
            {showCompany ? `, ${a.company}` : ""}: {a.standing === "expired" ? "expired on" : "expires on"}{" "}
            {formatCalendarDay(a.expiresAt)}
          </li>
        ))}
        {total > alerts.length && <li>and {total - alerts.length} more</li>}
      </ul>
      <Link href="/desk/company/accreditations">Renew on the accreditations page</Link>
    </section>
  );
}
