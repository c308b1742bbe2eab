import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { listTechnicianTasks } from "@/lib/assignments/list-technician-tasks";
import { statusLabel } from "@/lib/assignments/status-machine";
import { requireTechActor } from "@/lib/auth/session";

export default async function TechTasksPage() {
  const actor = await requireTechActor();
  const tasks = await listTechnicianTasks(actor);
  return (
    <>
      <h1>My tasks</h1>
      {tasks.length === 0 && <p className="muted">No tasks are assigned to you.</p>}
      <ul className="task-cards" aria-label="My tasks">
        {tasks.map((task) => (
          <li key={task.id} className="card">
            <Link href={`/tech/tasks/${task.id}`}>
              <strong>{task.workOrder.title}</strong>
            </Link>
            <p>
              {task.workOrder.site.name} · {task.workOrder.site.addressLine1}, {task.workOrder.site.city}
            </p>
            <p className="muted">
              {formatDateTime(task.scheduledAt ?? task.plannedAt)} · <StatusBadge status={task.status} label={statusLabel(task.status)} />
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
