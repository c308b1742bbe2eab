import type { TStoredTask } from "@/lib/offline/database";
import { statusLabel } from "@/lib/assignments/status-machine";
import { zoneName } from "@/lib/time/zone-name";

// Formatters are costly to make and a list shows many visits: one pair per zone.
const formatters = new Map<string, { visit: Intl.DateTimeFormat; clock: Intl.DateTimeFormat }>();
function formattersFor(zone: string) {
  let pair = formatters.get(zone);
  if (!pair) {
    pair = {
      visit: new Intl.DateTimeFormat("en-GB", {
        weekday: "short",
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: zone,
      }),
      clock: new Intl.DateTimeFormat("en-GB", { day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: zone }),
    };
    formatters.set(zone, pair);
  }
  return pair;
}

// A visit as its site's wall clock, the zone named when the phone is elsewhere.
function visitTime(at: string, siteZone: string | undefined): string {
  const phone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  // A copy synced before sites carried a zone has none until the next sync.
  const zone = siteZone ?? phone;
  const instant = new Date(at);
  const text = formattersFor(zone).visit.format(instant);
  const sameClock =
    zone === phone || formattersFor(phone).clock.format(instant) === formattersFor(zone).clock.format(instant);
  return sameClock ? text : `${text} ${zoneName(zone)}`;
}

function groupOf(task: TStoredTask, todayEnd: number): "Revisit" | "Today" | "Upcoming" | "Done" | "Withdrawn" {
  if (task.withdrawn) return "Withdrawn";
  if (task.status === "REVISIT") return "Revisit";
  if (["PERFORMED", "COMPLETED", "REVIEWED", "INVOICED"].includes(task.status)) return "Done";
  const when = Date.parse(task.scheduledAt ?? task.plannedAt ?? "");
  if (task.status === "IN_PROGRESS" || !Number.isFinite(when) || when <= todayEnd) return "Today";
  return "Upcoming";
}

const GROUPS = ["Today", "Revisit", "Upcoming", "Done", "Withdrawn"] as const;

export function TaskList({
  tasks,
  loaded,
  openTasksLeftOut,
}: {
  tasks: TStoredTask[];
  loaded: boolean;
  openTasksLeftOut: number;
}) {
  const todayEnd = new Date().setHours(23, 59, 59, 999);
  const sorted = [...tasks].sort((a, b) =>
    (a.scheduledAt ?? a.plannedAt ?? "9").localeCompare(b.scheduledAt ?? b.plannedAt ?? "9"),
  );
  return (
    <div data-testid="task-list">
      <h1>My tasks</h1>
      {loaded && tasks.length === 0 && (
        <p className="muted">No tasks on this phone yet. They appear here once synced.</p>
      )}
      {openTasksLeftOut > 0 && (
        <p className="alert alert-info" data-testid="tasks-left-out">
          This phone holds your most urgent tasks. {openTasksLeftOut.toLocaleString("en-GB")} more open{" "}
          {openTasksLeftOut === 1 ? "task" : "tasks"} did not fit; they arrive as these are finished.
        </p>
      )}
      {GROUPS.map((group) => {
        const inGroup = sorted.filter((t) => groupOf(t, todayEnd) === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} aria-label={group}>
            <h2>{group}</h2>
            <ul className="task-cards">
              {inGroup.map((task) => (
                <li key={task.id} className="card">
                  <a href={`#/task/${task.id}`}>
                    <strong>
                      #{task.number} {task.title}
                    </strong>
                  </a>
                  <p>
                    {task.site.name} · {task.site.address}
                  </p>
                  <p className="muted">
                    {task.scheduledAt || task.plannedAt
                      ? visitTime((task.scheduledAt ?? task.plannedAt)!, task.site.timeZone)
                      : "Not scheduled"}{" "}
                    · {statusLabel(task.status)} · {task.clientName}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
