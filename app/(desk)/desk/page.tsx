import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { FilterSelect } from "@/components/ui/filter-select";
import { formatCalendarDay } from "@/components/ui/format";
import { OccurrenceField } from "@/components/ui/occurrence-field";
import { VisitTime } from "@/components/ui/visit-time";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { SortHeader } from "@/components/ui/sort-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { countDeskTasks, listDeskClients, listDeskTasks } from "@/lib/assignments/list-desk-tasks";
import {
  DESK_COLUMNS,
  ZDeskTaskListSchema,
  type TDeskColumn,
  type TDeskTaskListFilters,
} from "@/lib/assignments/schemas";
import { TRANSITIONS } from "@/lib/assignments/status-machine";
import { statusLabel, taskStatusWords } from "@/lib/statuses/status-words";
import { requireDeskActor } from "@/lib/auth/session";
import { AccreditationAlerts } from "@/components/accreditations/accreditation-alerts";
import { listAccreditationAlerts } from "@/lib/accreditations/list-accreditation-alerts";
import { listCompanyTechnicians } from "@/lib/contractors/list-company-technicians";
import { addressQuery } from "@/lib/lists/address-query";
import { deskColumnsFor } from "@/lib/preferences/desk-columns";
import { bulkEditTasksAction, saveDeskColumnsAction } from "./actions";
import { TableScroll } from "@/components/ui/table-scroll";
import { EmptyState } from "@/components/ui/empty-state";
import { Tabs } from "@/components/ui/tabs";
import { describeCount } from "@/lib/lists/count-cap";

export const metadata = { title: "Tasks · Fieldgate Desk" };

const COLUMN_LABELS: Record<TDeskColumn, string> = {
  site: "Site",
  status: "Status",
  technician: "Technician",
  due: "Due",
  scheduled: "Scheduled",
};
const STATUSES = [...new Set(Object.values(TRANSITIONS).flatMap((r) => [...r.from, r.to]))];
const SORTABLE: Partial<Record<TDeskColumn, TDeskTaskListFilters["sort"]>> = {
  site: "site",
  status: "status",
  due: "due",
  scheduled: "scheduled",
};
const DEFAULTS = ZDeskTaskListSchema.parse({});

export default async function DeskTasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireDeskActor();
  const filters = ZDeskTaskListSchema.parse(await searchParams);
  const [{ rows: tasks, nextCursor }, count, technicians, clients, columns, { readerZone }, accreditations] =
    await Promise.all([
      listDeskTasks(actor, filters),
      countDeskTasks(actor, filters),
      listCompanyTechnicians(actor),
      listDeskClients(actor),
      deskColumnsFor(actor.userId),
      readReaderClock("UTC"),
      listAccreditationAlerts(actor),
    ]);
  const show = new Set(columns);
  // In the Desk's own order the tasks come client by client, so each client gets a table;
  // sorted by a column, one table keeps that order and names the client on each row.
  const grouped = filters.sort === "client";
  const sections = new Map<string, typeof tasks>();
  for (const task of tasks) {
    const section = grouped ? task.organisation.name : "";
    sections.set(section, [...(sections.get(section) ?? []), task]);
  }
  const showClient = !grouped && clients.length > 1;
  const query = (changes: Partial<TDeskTaskListFilters>) => addressQuery({ ...filters, ...changes }, DEFAULTS);
  const sortHref = (sort: TDeskTaskListFilters["sort"], dir: TDeskTaskListFilters["dir"]) =>
    `/desk?${query({ sort, dir, after: undefined })}`;

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
      <AccreditationAlerts {...accreditations} showCompany={actor.companies.length > 1} />
      <Tabs
        label="Order of the tasks"
        tabs={[
          { href: sortHref("action", "asc"), label: "Needs action first", current: filters.sort === "action" },
          { href: sortHref("client", "asc"), label: "By client", current: filters.sort === "client" },
        ]}
      />
      <form className="filters" action="/desk" aria-label="Filters">
        <label className="filter">
          Search
          <input name="q" type="search" placeholder="Title, site or number" defaultValue={filters.q} />
        </label>
        <FilterSelect
          name="status"
          label="Status"
          value={filters.status}
          options={STATUSES.map((st) => ({ value: st, label: statusLabel(st) }))}
        />
        {clients.length > 1 && (
          <FilterSelect
            name="client"
            label="Client"
            value={filters.client}
            options={clients.map((c) => ({ value: c.id, label: c.name }))}
          />
        )}
        <FilterSelect
          name="technician"
          label="Technician"
          value={filters.technician}
          options={technicians.map((t) => ({ value: t.id, label: t.label }))}
        />
        {filters.sort !== DEFAULTS.sort && <input type="hidden" name="sort" value={filters.sort} />}
        {filters.dir !== DEFAULTS.dir && <input type="hidden" name="dir" value={filters.dir} />}
        <button className="button button-secondary" type="submit">
          Apply
        </button>
        <a className="button button-ghost" href="/desk">
          Clear
        </a>
      </form>
      {tasks.length === 0 && (
        <EmptyState title="No tasks match">New tasks appear here as soon as a client assigns work to you.</EmptyState>
      )}
      <ActionForm
        action={bulkEditTasksAction}
        successMessage="Tasks updated; each technician gets one email listing their new tasks."
        testId="bulk-form"
      >
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
            <Field
              name="scheduledAt"
              label="Schedule visit"
              inputId="bulk-date"
              hint="Each task at this time in its own site's time zone."
            >
              <input id="bulk-date" name="scheduledAt" type="datetime-local" />
            </Field>
            <OccurrenceField
              id="bulk-occurrence"
              timeInputId="bulk-date"
              zones={[...new Set(tasks.map((t) => t.timeZone))]}
            />
            <Field name="assignmentIds" label="">
              <SubmitButton>Apply to selected</SubmitButton>
            </Field>
          </fieldset>
        )}
        {[...sections.entries()].map(([client, clientTasks]) => (
          <section key={client}>
            {grouped && (sections.size > 1 || clients.length > 1) && <h2>{client}</h2>}
            <TableScroll label={grouped ? `Tasks from ${client}` : "Tasks"}>
              <table className="table" aria-label={grouped ? `Tasks from ${client}` : "Tasks"}>
                <thead>
                  <tr>
                    <th>
                      <span className="visually-hidden">Select</span>
                    </th>
                    <SortHeader sort="client" current={filters} hrefFor={sortHref} firstDir="asc">
                      Task
                    </SortHeader>
                    {showClient && <th>Client</th>}
                    {DESK_COLUMNS.filter((c) => show.has(c)).map((c) => {
                      const sort = SORTABLE[c];
                      return sort ? (
                        <SortHeader key={c} sort={sort} current={filters} hrefFor={sortHref} firstDir="asc">
                          {COLUMN_LABELS[c]}
                        </SortHeader>
                      ) : (
                        <th key={c}>{COLUMN_LABELS[c]}</th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {clientTasks.map((task) => (
                    <tr key={task.id}>
                      <td>
                        <input
                          type="checkbox"
                          name="assignmentIds"
                          value={task.id}
                          aria-label={`Select #${task.workOrder.number}`}
                        />
                      </td>
                      <td>
                        <Link href={`/desk/tasks/${task.id}`}>
                          #{task.workOrder.number} {task.workOrder.title}
                        </Link>
                      </td>
                      {showClient && <td>{task.organisation.name}</td>}
                      {show.has("site") && (
                        <td>
                          {task.workOrder.site.name}, {task.workOrder.site.city}
                        </td>
                      )}
                      {show.has("status") && (
                        <td>
                          <StatusBadge words={taskStatusWords(task.status)} />
                        </td>
                      )}
                      {show.has("technician") && (
                        <td>{task.technicians.map((t) => t.person.user.name).join(", ") || "—"}</td>
                      )}
                      {show.has("due") && <td>{formatCalendarDay(task.workOrder.dueAt)}</td>}
                      {show.has("scheduled") && (
                        <td>
                          <VisitTime
                            at={task.scheduledAt ?? task.plannedAt}
                            zone={task.timeZone}
                            readerZone={readerZone}
                          />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        ))}
      </ActionForm>
      <p className="pager">
        <span className="muted" data-testid="match-count">
          {describeCount(count, "task", "tasks")}
        </span>
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
