import { notFound } from "next/navigation";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { getTechnicianTask } from "@/lib/assignments/list-technician-tasks";
import { statusLabel } from "@/lib/assignments/status-machine";
import { requireTechActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

export default async function TechTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireTechActor(`/tech/tasks/${id}`);
  const task = await getTechnicianTask(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { workOrder } = task;
  const site = workOrder.site;
  return (
    <article className="card">
      <p className="muted">
        {task.organisation.name} · #{workOrder.number}
      </p>
      <h1>{workOrder.title}</h1>
      <StatusBadge status={task.status} label={statusLabel(task.status)} />
      <dl className="details">
        <dt>Address</dt>
        <dd>
          {site.name}, {site.addressLine1}
          {site.addressLine2 ? `, ${site.addressLine2}` : ""}, {site.city} {site.postcode}
        </dd>
        <dt>Access</dt>
        <dd>{site.accessDetails ?? "—"}</dd>
        <dt>Contact</dt>
        <dd>{[site.contactName, site.contactPhone].filter(Boolean).join(" · ") || "—"}</dd>
        <dt>When</dt>
        <dd>{formatDateTime(task.scheduledAt ?? task.plannedAt)}</dd>
        <dt>Due</dt>
        <dd>{formatDate(workOrder.dueAt)}</dd>
      </dl>
      {workOrder.description && <p className="prewrap">{workOrder.description}</p>}
    </article>
  );
}
