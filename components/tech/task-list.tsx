import { useState } from "react";
import type { TStoredTask } from "@/lib/offline/database";
import { statusLabel } from "@/lib/statuses/status-words";
import { formatSiteTime } from "@/lib/time/site-clock";

// The technician's own day: on site now, then today's visits (and any whose day has
// passed), then the ones to come (and those with no date yet), revisits, and what is done.
const GROUPS = ["On site now", "Today", "Upcoming", "Revisit", "Done", "Withdrawn"] as const;
type TGroup = (typeof GROUPS)[number];

function groupOf(task: TStoredTask, todayEnd: number): TGroup {
  if (task.withdrawn) return "Withdrawn";
  if (task.status === "IN_PROGRESS") return "On site now";
  if (task.status === "REVISIT") return "Revisit";
  if (["PERFORMED", "COMPLETED", "REVIEWED", "INVOICED"].includes(task.status)) return "Done";
  const when = Date.parse(task.scheduledAt ?? task.plannedAt ?? "");
  return Number.isFinite(when) && when <= todayEnd ? "Today" : "Upcoming";
}

function matches(task: TStoredTask, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `#${task.number} ${task.title} ${task.site.name} ${task.site.address} ${task.clientName}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

export function TaskList({
  tasks,
  loaded,
  openTasksLeftOut,
}: {
  tasks: TStoredTask[];
  loaded: boolean;
  openTasksLeftOut: number;
}) {
  const [search, setSearch] = useState("");
  const todayEnd = new Date().setHours(23, 59, 59, 999);
  const sorted = [...tasks]
    .filter((task) => matches(task, search))
    .sort((a, b) => (a.scheduledAt ?? a.plannedAt ?? "9").localeCompare(b.scheduledAt ?? b.plannedAt ?? "9"));
  return (
    <div data-testid="task-list">
      <h1>My tasks</h1>
      {!loaded && <TaskListSkeleton />}
      {loaded && tasks.length === 0 && (
        <p className="muted">No tasks on this phone yet. They appear here once synced.</p>
      )}
      {tasks.length > 0 && (
        <div className="field task-search">
          <label htmlFor="task-search">Search my tasks</label>
          <input
            id="task-search"
            type="search"
            placeholder="Job, site, address or client"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      )}
      {search && sorted.length === 0 && <p className="muted">No task matches “{search}”.</p>}
      {openTasksLeftOut > 0 && (
        <p className="alert alert-info" data-testid="tasks-left-out">
          This phone holds your most urgent tasks. {openTasksLeftOut.toLocaleString("en-GB")} more open{" "}
          {openTasksLeftOut === 1 ? "task" : "tasks"} did not fit; they arrive as these are finished.
        </p>
      )}
      {GROUPS.map((group) => {
        const inGroup = sorted.filter((t) => groupOf(t, todayEnd) === group);
        if (inGroup.length === 0) return null;
        const cards = (
          <ul className="task-cards">
            {inGroup.map((task) => (
              // The whole card opens the task (the link's area covers it), not only its title.
              <li key={task.id} className="card task-card">
                <a href={`#/task/${task.id}`} className="task-card-link">
                  <strong>
                    #{task.number} {task.title}
                  </strong>
                </a>
                <p>
                  {task.site.name} · {task.site.address}
                </p>
                <p className="muted">
                  {task.scheduledAt || task.plannedAt
                    ? formatSiteTime((task.scheduledAt ?? task.plannedAt)!, task.site.timeZone)
                    : "Not scheduled"}{" "}
                  · {task.clientName}
                </p>
                <span className={task.withdrawn ? "badge badge-danger" : "badge badge-neutral"}>
                  {task.withdrawn ? "Withdrawn" : statusLabel(task.status)}
                </span>
              </li>
            ))}
          </ul>
        );
        // Finished work stays at hand but out of the way.
        if (group === "Done")
          return (
            <details key={group} className="task-group-done">
              <summary>Done ({inGroup.length})</summary>
              {cards}
            </details>
          );
        return (
          <section key={group} aria-label={group}>
            <h2>{group}</h2>
            {cards}
          </section>
        );
      })}
    </div>
  );
}

// While the phone's own copy is read: the space the list will take, so nothing jumps.
function TaskListSkeleton() {
  return (
    <ul className="task-cards" aria-hidden="true" data-testid="task-list-skeleton">
      {[0, 1, 2].map((i) => (
        <li key={i} className="card skeleton-card">
          <span className="skeleton-line skeleton-title" />
          <span className="skeleton-line" />
          <span className="skeleton-line skeleton-short" />
        </li>
      ))}
    </ul>
  );
}
