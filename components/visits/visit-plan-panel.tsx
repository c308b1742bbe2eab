import { StatusBadge } from "@/components/ui/status-badge";
import type { TVisitPlan } from "@/lib/visits/get-visit-plan";

const VISIT_WORDS = {
  BOOKED: { label: "Booked", tone: "success" },
  PROPOSED: { label: "Awaiting the tenant", tone: "warning" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
} as const;
const REMINDER_WORDS = {
  PENDING: { label: "Planned", tone: "info" },
  SENT: { label: "Sent", tone: "success" },
  CANCELLED: { label: "Cancelled", tone: "neutral" },
  SKIPPED: { label: "Not sent", tone: "warning" },
} as const;

type TReminder = TVisitPlan["visits"][number]["reminders"][number];

// Grouped by when they go: "Day before, 8 Dec 2026, 18:00", then each person and channel
// with its state (a side panel has no room for a table).
function ReminderList({ reminders }: { reminders: TReminder[] }) {
  if (reminders.length === 0) return <p className="muted">No reminders: it was booked too close to its time.</p>;
  const groups = new Map<string, TReminder[]>();
  for (const r of reminders) groups.set(`${r.kind}, ${r.due}`, [...(groups.get(`${r.kind}, ${r.due}`) ?? []), r]);
  return (
    <div className="reminder-list" data-testid="reminders">
      {[...groups].map(([when, rows]) => (
        <div key={when}>
          <p className="reminder-when">{when}</p>
          <ul className="plain-list">
            {rows.map((r) => (
              <li key={`${r.recipient}${r.channel}${r.state}`}>
                {r.recipient} · {r.channel.toLowerCase()}{" "}
                <StatusBadge words={REMINDER_WORDS[r.state as keyof typeof REMINDER_WORDS]} />
                {r.note && <small className="hint">{r.note}</small>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

// The tenant's times (when a tenant asked for the work) and each visit with its reminders:
// who is reminded, how, when, and whether it went (or why not).
export function VisitPlanPanel({ plan }: { plan: TVisitPlan }) {
  const live = plan.visits.find((v) => v.status !== "CANCELLED");
  return (
    <div className="visit-plan" data-testid="visit-plan">
      {plan.tenant && (
        <>
          <h3>
            {plan.tenant.name}, tenant ({plan.tenant.reference})
          </h3>
          <p className="muted">Can be there{plan.tenant.changedAt ? ` (changed ${plan.tenant.changedAt})` : ""}:</p>
          <ul data-testid="tenant-windows">
            {plan.tenant.windows.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <p>
            {plan.tenant.permissionToEnter ? "May let themselves in." : "Someone will be there to let them in."}
            {plan.tenant.accessNotes ? ` ${plan.tenant.accessNotes}` : ""}
          </p>
        </>
      )}
      {live?.awaitingTenant && (
        <p className="alert alert-warning" role="status">
          {live.status === "PROPOSED"
            ? `${live.when} is outside the tenant's times: it waits for their confirmation.`
            : `The tenant's new times do not include ${live.when}: book a time within them, or wait for their confirmation.`}
        </p>
      )}
      {plan.visits.map((visit) => (
        <details key={visit.id} open={visit === live}>
          <summary>
            {visit.when} · {VISIT_WORDS[visit.status].label}
          </summary>
          <ReminderList reminders={visit.reminders} />
        </details>
      ))}
    </div>
  );
}
