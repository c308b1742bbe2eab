import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { FilterSelect } from "@/components/ui/filter-select";
import { ColumnsChooser } from "@/components/ui/columns-chooser";
import { OccurrenceField } from "@/components/ui/occurrence-field";
import { visitCell } from "@/components/ui/visit-time";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { badgeCell, linkCell } from "@/components/ui/list-cell";
import { BulkBar } from "@/components/ui/bulk-selection";
import { dueCell } from "@/components/ui/due-date";
import { FiltersPanel } from "@/components/ui/filters-panel";
import { ListTable } from "@/components/ui/list-table";
import { DESK_PAGE_SIZE, type TDeskTaskRow } from "@/lib/assignments/list-desk-tasks";
import { loadDeskHome } from "@/lib/assignments/load-desk-home";
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
import { addressQuery } from "@/lib/lists/address-query";
import { bulkEditTasksAction, saveDeskColumnsAction } from "./actions";
import { Tabs } from "@/components/ui/tabs";
import { describePosition } from "@/lib/lists/count-cap";
import { pastDueAsOf } from "@/lib/time/past-due";

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
// Work the contractor still owes: its due date can pass.
const OWED = new Set(["OFFERED", "ACCEPTED", "SCHEDULED", "IN_PROGRESS", "REVISIT", "PERFORMED"]);

type TTask = TDeskTaskRow;
function deskCell(
  column: TDeskColumn,
  task: TTask,
  readerZone: string | null,
  pastDue: ReturnType<typeof pastDueAsOf>,
) {
  switch (column) {
    case "site":
      return `${task.workOrder.site.name}, ${task.workOrder.site.city}`;
    case "status":
      return badgeCell(taskStatusWords(task.status));
    case "technician":
      return task.technicians.map((t) => t.person.user.name).join(", ") || "—";
    case "due":
      return dueCell(
        task.workOrder.dueAt,
        OWED.has(task.status) && pastDue(task.workOrder.dueAt, task.organisation.timezone),
      );
    case "scheduled":
      return visitCell(task.scheduledAt ?? task.plannedAt, task.timeZone, readerZone);
  }
}

export default async function DeskTasksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireDeskActor();
  const filters = ZDeskTaskListSchema.parse(await searchParams);
  const [{ rows: tasks, nextCursor, count, technicians, clients, columns, accreditations }, { readerZone }] =
    await Promise.all([loadDeskHome(actor, filters), readReaderClock("UTC")]);
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
  const pastDue = pastDueAsOf(new Date());
  // A change of page cursor sets the page number with it; any other change starts again.
  const query = (changes: Partial<TDeskTaskListFilters>) =>
    addressQuery({ ...filters, ...("after" in changes ? { page: undefined } : {}), ...changes }, DEFAULTS);
  const sortHref = (sort: TDeskTaskListFilters["sort"], dir: TDeskTaskListFilters["dir"]) =>
    `/desk?${query({ sort, dir, after: undefined })}`;

  return (
    <>
      <header className="page-header">
        <h1>Tasks</h1>
        <ColumnsChooser
          action={saveDeskColumnsAction}
          columns={DESK_COLUMNS.map((c) => ({ value: c, label: COLUMN_LABELS[c] }))}
          shown={columns}
        />
      </header>
      <AccreditationAlerts {...accreditations} showCompany={actor.companies.length > 1} />
      <Tabs
        label="Order of the tasks"
        tabs={[
          { href: sortHref("action", "asc"), label: "Needs action first", current: filters.sort === "action" },
          { href: sortHref("client", "asc"), label: "By client", current: filters.sort === "client" },
        ]}
      />
      <form className="list-filters" action="/desk" aria-label="Filters">
        <FiltersPanel
          search={
            <label className="list-search">
              <span className="visually-hidden">Search tasks</span>
              <input name="q" type="search" placeholder="Search by title, site or number" defaultValue={filters.q} />
            </label>
          }
          chips={[
            ...(filters.q ? [{ label: `Search: ${filters.q}`, key: "q" as const }] : []),
            ...(filters.status ? [{ label: `Status: ${statusLabel(filters.status)}`, key: "status" as const }] : []),
            ...(filters.client
              ? [
                  {
                    label: `Client: ${clients.find((c) => c.id === filters.client)?.name ?? "unknown"}`,
                    key: "client" as const,
                  },
                ]
              : []),
            ...(filters.technician
              ? [
                  {
                    label: `Technician: ${technicians.find((t) => t.id === filters.technician)?.label ?? "unknown"}`,
                    key: "technician" as const,
                  },
                ]
              : []),
          ].map(({ label, key }) => ({ label, removeHref: `/desk?${query({ [key]: undefined, after: undefined })}` }))}
          clearHref={`/desk?${query({ q: undefined, status: undefined, client: undefined, technician: undefined, after: undefined })}`}
        >
          <div className="filters">
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
          </div>
          <div className="button-row">
            <button className="button button-primary" type="submit">
              Apply filters
            </button>
          </div>
        </FiltersPanel>
        {filters.sort !== DEFAULTS.sort && <input type="hidden" name="sort" value={filters.sort} />}
        {filters.dir !== DEFAULTS.dir && <input type="hidden" name="dir" value={filters.dir} />}
      </form>
      <ActionForm
        action={bulkEditTasksAction}
        successMessage="Tasks updated; each technician added or taken off gets one email listing their tasks."
        testId="bulk-form"
      >
        <BulkBar name="assignmentIds">
          <Field name="personId" label="Technician" inputId="bulk-technician">
            <select id="bulk-technician" name="personId" defaultValue="">
              <option value="">No change</option>
              {technicians.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </Field>
          <Field name="technicianMode" label="Those already on the tasks" inputId="bulk-technician-mode">
            <select id="bulk-technician-mode" name="technicianMode" defaultValue="add">
              <option value="add">Stay: add this technician</option>
              <option value="replace">Are replaced by this technician</option>
              <option value="remove">Stay: take this technician off</option>
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
        </BulkBar>
        {[...(sections.size ? sections : new Map([["", []]])).entries()].map(([client, clientTasks]) => (
          <section key={client}>
            {grouped && (sections.size > 1 || clients.length > 1) && <h2>{client}</h2>}
            <ListTable
              label={grouped ? `Tasks from ${client}` : "Tasks"}
              rows={clientTasks}
              rowKey={(task) => task.id}
              select={{ name: "assignmentIds", label: (task) => `Select #${task.workOrder.number}` }}
              sort={{ current: filters, hrefFor: sortHref }}
              empty={{
                title: "No tasks match",
                text: "New tasks appear here as soon as a client assigns work to you.",
              }}
              columns={[
                {
                  key: "task",
                  header: "Task",
                  primary: true,
                  clip: true,
                  sort: "client",
                  firstDir: "asc",
                  cell: (task) =>
                    linkCell(`/desk/tasks/${task.id}`, `#${task.workOrder.number} ${task.workOrder.title}`),
                },
                ...(showClient
                  ? [{ key: "client", header: "Client", cell: (task: TTask) => task.organisation.name }]
                  : []),
                ...DESK_COLUMNS.filter((c) => show.has(c)).map((c) => ({
                  key: c,
                  header: COLUMN_LABELS[c],
                  sort: SORTABLE[c],
                  firstDir: "asc" as const,
                  clip: c === "site" || c === "technician",
                  className: c === "due" || c === "scheduled" ? "nowrap" : undefined,
                  cell: (task: TTask) => deskCell(c, task, readerZone, pastDue),
                })),
              ]}
            />
          </section>
        ))}
      </ActionForm>
      <p className="pager">
        <span className="muted" data-testid="match-count">
          {describePosition(filters.page ?? 1, DESK_PAGE_SIZE, tasks.length, count, "task", "tasks")}
        </span>
        {filters.after && <Link href={`/desk?${query({ after: undefined, page: undefined })}`}>First page</Link>}
        {nextCursor && (
          <Link
            className="button button-secondary"
            href={`/desk?${query({ after: nextCursor, page: (filters.page ?? 1) + 1 })}`}
          >
            Next page
          </Link>
        )}
      </p>
    </>
  );
}
