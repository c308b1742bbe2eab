import Link from "next/link";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { listDeskTasks } from "@/lib/assignments/list-desk-tasks";
import { listCompanyTechnicians } from "@/lib/contractors/list-company-technicians";
import { statusLabel } from "@/lib/assignments/status-machine";
import { requireDeskActor } from "@/lib/auth/session";
import { bulkEditTasksAction } from "./actions";

export const metadata = { title: "Tasks · Fieldgate Desk" };

export default async function DeskTasksPage() {
  const actor = await requireDeskActor();
  const [tasks, technicians] = await Promise.all([listDeskTasks(actor), listCompanyTechnicians(actor)]);
  const byClient = new Map<string, typeof tasks>();
  for (const task of tasks) byClient.set(task.organisation.name, [...(byClient.get(task.organisation.name) ?? []), task]);
  return (
    <>
      <header className="page-header">
        <h1>Tasks</h1>
      </header>
      {tasks.length === 0 && <p className="muted">No tasks have been assigned to your company yet.</p>}
      <ActionForm action={bulkEditTasksAction} successMessage="Tasks updated; each technician gets one email listing their new tasks." testId="bulk-form">
        {tasks.length > 0 && (
          <fieldset className="bulk-bar">
            <legend>Selected tasks</legend>
            <Field name="personId" label="Assign technician" inputId="bulk-technician">
              <select id="bulk-technician" name="personId" defaultValue="">
                <option value="">No change</option>
                {technicians.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="scheduledAt" label="Schedule visit" inputId="bulk-date">
              <input id="bulk-date" name="scheduledAt" type="datetime-local" />
            </Field>
            <Field name="assignmentIds" label="">
              <SubmitButton>Apply to selected</SubmitButton>
            </Field>
          </fieldset>
        )}
      {[...byClient.entries()].map(([client, clientTasks]) => (
        <section key={client}>
          {byClient.size > 1 && <h2>{client}</h2>}
          <table className="table" aria-label={`Tasks from ${client}`}>
            <thead>
              <tr>
                <th>
                  <span className="visually-hidden">Select</span>
                </th>
                <th>Task</th>
                <th>Site</th>
                <th>Status</th>
                <th>Technician</th>
                <th>Due</th>
                <th>Scheduled</th>
              </tr>
            </thead>
            <tbody>
              {clientTasks.map((task) => (
                <tr key={task.id}>
                  <td>
                    <input type="checkbox" name="assignmentIds" value={task.id} aria-label={`Select #${task.workOrder.number}`} />
                  </td>
                  <td>
                    <Link href={`/desk/tasks/${task.id}`}>
                      #{task.workOrder.number} {task.workOrder.title}
                    </Link>
                  </td>
                  <td>
                    {task.workOrder.site.name}, {task.workOrder.site.city}
                  </td>
                  <td>
                    <StatusBadge status={task.status} label={statusLabel(task.status)} />
                  </td>
                  <td>{task.technicians.map((t) => t.person.user.name).join(", ") || "—"}</td>
                  <td>{formatDate(task.workOrder.dueAt)}</td>
                  <td>{formatDateTime(task.scheduledAt ?? task.plannedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      </ActionForm>
    </>
  );
}
