import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { FilterSelect } from "@/components/ui/filter-select";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { listDeskClients, listDeskTasks } from "@/lib/assignments/list-desk-tasks";
import { DESK_COLUMNS, ZDeskTaskListSchema, type TDeskColumn } from "@/lib/assignments/schemas";
import { statusLabel, TRANSITIONS } from "@/lib/assignments/status-machine";
import { requireDeskActor } from "@/lib/auth/session";
import { listCompanyTechnicians } from "@/lib/contractors/list-company-technicians";
import { deskColumnsFor } from "@/lib/preferences/desk-columns";
import { bulkEditTasksAction, saveDeskColumnsAction } from "./actions";

export const metadata = { title: "Tasks · Fieldgate Desk" };

const COLUMN_LABELS: Record<TDeskColumn, string> = { site: "Site", status: "Status", technician: "Technician", due: "Due", scheduled: "Scheduled" };
const STATUSES = [...new Set(Object.values(TRANSITIONS).flatMap((r) => [...r.from, r.to]))];

export default async function DeskTasksPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireDeskActor();
  const filters = ZDeskTaskListSchema.parse(await searchParams);
  const [{ rows: tasks, nextCursor }, technicians, clients, columns] = await Promise.all([
    listDeskTasks(actor, filters),
    listCompanyTechnicians(actor),
    listDeskClients(actor),
    deskColumnsFor(actor.userId),
  ]);
  const show = new Set(columns);
  const byClient = new Map<string, typeof tasks>();
  for (const task of tasks) byClient.set(task.organisation.name, [...(byClient.get(task.organisation.name) ?? []), task]);
  const query = (changes: Record<string, string | undefined>) =>
    new URLSearchParams(Object.entries({ ...filters, ...changes }).filter((e): e is [string, string] => !!e[1])).toString();

  return (
    <>
      <header className="page-header">
        <h1>Tasks</h1>
        <details className="columns-chooser">
          <summary>Columns</summary>
          <ActionForm action={saveDeskColumnsAction} testId="columns-form">
            {DESK_COLUMNS.map((c) => (
              <label key={c} className="checkbox">
                <input type="checkbox" name="columns" value={c} defaultChecked={show.has(c)} /> {COLUMN_LABELS[c]}
              </label>
            ))}
            <SubmitButton variant="secondary">Save columns</SubmitButton>
          </ActionForm>
        </details>
      </header>
      <form className="filters" action="/desk" aria-label="Filters">
        <label className="filter">
          Search
          <input name="q" type="search" placeholder="Title, site or number" defaultValue={filters.q} />
        </label>
        <FilterSelect name="status" label="Status" value={filters.status} options={STATUSES.map((st) => ({ value: st, label: statusLabel(st) }))} />
        {clients.length > 1 && <FilterSelect name="client" label="Client" value={filters.client} options={clients.map((c) => ({ value: c.id, label: c.name }))} />}
        <FilterSelect name="technician" label="Technician" value={filters.technician} options={technicians.map((t) => ({ value: t.id, label: t.label }))} />
        <button className="button button-secondary" type="submit">
          Apply
        </button>
        <a href="/desk">Clear</a>
      </form>
      {tasks.length === 0 && <p className="muted">No tasks match.</p>}
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
            {(byClient.size > 1 || clients.length > 1) && <h2>{client}</h2>}
            <table className="table" aria-label={`Tasks from ${client}`}>
              <thead>
                <tr>
                  <th>
                    <span className="visually-hidden">Select</span>
                  </th>
                  <th>Task</th>
                  {DESK_COLUMNS.filter((c) => show.has(c)).map((c) => (
                    <th key={c}>{COLUMN_LABELS[c]}</th>
                  ))}
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
                    {show.has("site") && (
                      <td>
                        {task.workOrder.site.name}, {task.workOrder.site.city}
                      </td>
                    )}
                    {show.has("status") && (
                      <td>
                        <StatusBadge status={task.status} label={statusLabel(task.status)} />
                      </td>
                    )}
                    {show.has("technician") && <td>{task.technicians.map((t) => t.person.user.name).join(", ") || "—"}</td>}
                    {show.has("due") && <td>{formatDate(task.workOrder.dueAt)}</td>}
                    {show.has("scheduled") && <td>{formatDateTime(task.scheduledAt ?? task.plannedAt)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </ActionForm>
      <p className="pager">
        {filters.after && <Link href={`/desk?${query({ after: undefined })}`}>First page</Link>}
        {nextCursor && (
          <Link className="button button-secondary" href={`/desk?${query({ after: nextCursor })}`}>
            Next page
          </Link>
        )}
      </p>
    </>
  );
}
