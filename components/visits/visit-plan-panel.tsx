import { ListTable } from "@/components/ui/list-table";
import { badgeCell } from "@/components/ui/list-cell";
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
          <ListTable<TReminder>
            label={`Reminders of the visit ${visit.when}`}
            rows={visit.reminders}
            rowKey={(r) => `${r.kind}${r.channel}${r.recipient}${r.due}${r.state}`}
            columns={[
              { key: "who", header: "To", cell: (r) => r.recipient, primary: true },
              { key: "kind", header: "Reminder", cell: (r) => `${r.kind} by ${r.channel.toLowerCase()}` },
              { key: "due", header: "Due", cell: (r) => r.due },
              {
                key: "state",
                header: "State",
                cell: (r) => badgeCell(REMINDER_WORDS[r.state as keyof typeof REMINDER_WORDS]),
              },
              { key: "note", header: "Note", cell: (r) => r.note ?? "", phone: false, clip: true },
            ]}
            empty={{ title: "No reminders", text: "The visit was booked too close to its time for any." }}
          />
        </details>
      ))}
    </div>
  );
}
