import type { WorkOrderStatus } from "@/generated/prisma/client";
import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatDayIn } from "@/components/ui/format";
import { dueCell } from "@/components/ui/due-date";
import { badgeCell, flaggedCell, linkCell } from "@/components/ui/list-cell";
import { ListTable, type TListColumn } from "@/components/ui/list-table";
import { WorkOrderFilters } from "@/components/work-orders/work-order-filters";
import { contractorProgress, priorityWords, workOrderStatusWords } from "@/lib/statuses/status-words";
import { pastDueAsOf } from "@/lib/time/past-due";
import { requireStaffActor } from "@/lib/auth/session";
import { hasFilters, listQuery } from "@/lib/work-orders/list-query";
import { describePosition } from "@/lib/lists/count-cap";
import { PAGE_SIZE } from "@/lib/work-orders/list-work-orders";
import { HOME_STATUS_TABS, loadStaffHome } from "@/lib/work-orders/load-staff-home";
import { STAFF_WORK_ORDER_COLUMNS, ZWorkOrderListSchema } from "@/lib/work-orders/schemas";
import { bulkEditWorkOrdersAction, deleteSavedFilterAction, saveFilterAction, saveStaffColumnsAction } from "./actions";
import { BulkBar } from "@/components/ui/bulk-selection";
import { DialogButton } from "@/components/ui/dialog";
import { PRIORITY_OPTIONS } from "@/lib/work-orders/priorities";
import { staffCan } from "@/lib/authz/permissions";
import { ColumnsChooser } from "@/components/ui/columns-chooser";
import { Tabs } from "@/components/ui/tabs";
import { AttentionPanel } from "@/components/work-orders/attention-panel";

// The list by status, in the staff's words.
const STATUS_TABS = HOME_STATUS_TABS.map(
  (status) => [status, status ? workOrderStatusWords(status).label : "All"] as const,
);

const FINISHED: WorkOrderStatus[] = ["COMPLETED", "CANCELLED"];
const COLUMN_LABELS: Record<(typeof STAFF_WORK_ORDER_COLUMNS)[number], string> = {
  site: "Site",
  priority: "Priority",
  status: "Status",
  contractor: "Contractor",
  created: "Created",
  due: "Due",
  sla: "SLA due",
};

export const metadata = { title: "Work orders · Fieldgate" };

export default async function WorkOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaffActor();
  const filters = ZWorkOrderListSchema.parse(await searchParams);
  const { rows, nextCursor, previousCursor, count, tabCounts, attention, options, savedFilters, shownColumns } =
    await loadStaffHome(actor, filters);
  const shown = new Set<string>(["number", "title", ...shownColumns]);
  const canBulkEdit = staffCan(actor, "workOrder.assign");
  const now = new Date();
  const pastDue = pastDueAsOf(now);
  const currentQuery = listQuery(filters, { after: undefined });
  const sortHref = (sort: typeof filters.sort, dir: typeof filters.dir) =>
    `/staff?${listQuery(filters, { sort, dir, after: undefined })}`;

  return (
    <>
      <header className="page-header">
        <h1>Work orders</h1>
        <div className="actions">
          <ColumnsChooser
            action={saveStaffColumnsAction}
            columns={STAFF_WORK_ORDER_COLUMNS.map((c) => ({ value: c, label: COLUMN_LABELS[c] }))}
            shown={shownColumns}
          />
          <a className="button button-secondary" href={`/api/staff/work-orders/export?${currentQuery}`} download>
            Export CSV
          </a>
          <Link className="button button-primary" href="/staff/work-orders/new">
            New work order
          </Link>
        </div>
      </header>
      <AttentionPanel groups={attention} current={filters.needs} />
      {savedFilters.length > 0 && (
        <nav className="saved-filters" aria-label="Saved filters">
          <span className="muted">Saved:</span>
          {savedFilters.map((f) => (
            <span key={f.id} className="saved-filter">
              <Link href={`/staff?${f.query}`}>{f.name}</Link>
              <ActionForm action={deleteSavedFilterAction} className="inline">
                <input type="hidden" name="id" value={f.id} />
                <button type="submit" className="button-icon" aria-label={`Delete saved filter ${f.name}`}>
                  ×
                </button>
              </ActionForm>
            </span>
          ))}
        </nav>
      )}
      <WorkOrderFilters
        filters={filters}
        sites={options.sites}
        categories={options.categories}
        contractors={options.contractors}
      />
      {hasFilters(filters) && (
        <details className="save-filter">
          <summary className="button button-ghost button-small">Save this view</summary>
          <ActionForm
            action={saveFilterAction}
            className="inline-form"
            successMessage="Filter saved."
            testId="save-filter-form"
          >
            <input type="hidden" name="query" value={currentQuery} />
            <Field name="name" label="Save this filter as" inputId="filter-name">
              <input id="filter-name" name="name" placeholder="e.g. Urgent at Depot 1" />
            </Field>
            <SubmitButton variant="secondary">Save</SubmitButton>
          </ActionForm>
        </details>
      )}
      <Tabs
        label="Work orders by status"
        tabs={STATUS_TABS.map(([status, label], index) => ({
          href: `/staff?${listQuery(filters, { status, after: undefined, before: undefined, page: undefined })}`,
          label,
          current: filters.status === status,
          count: tabCounts[index].matches,
          more: tabCounts[index].more,
        }))}
      />
      <ActionForm action={bulkEditWorkOrdersAction} successMessage="Work orders updated." testId="bulk-form">
        {canBulkEdit && (
          <BulkBar name="workOrderIds">
            <Field name="contractorCompanyId" label="Assign to" inputId="bulk-contractor">
              <select id="bulk-contractor" name="contractorCompanyId" defaultValue="">
                <option value="">No change</option>
                {options.contractors.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="priority" label="Priority" inputId="bulk-priority">
              <select id="bulk-priority" name="priority" defaultValue="">
                <option value="">No change</option>
                {PRIORITY_OPTIONS.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="workOrderIds" label="">
              <SubmitButton name="intent" value="apply">
                Apply to selected
              </SubmitButton>
            </Field>
            <DialogButton label="Archive…" title="Archive the selected work orders?" closeOnSubmit>
              <p className="muted">
                They leave the open lists. Only finished, cancelled or unassigned work orders can be archived;
                contractors keep read access to their tasks and documents.
              </p>
              <SubmitButton name="intent" value="archive">
                Archive selected
              </SubmitButton>
            </DialogButton>
          </BulkBar>
        )}
        <ListTable
          label="Work orders"
          rows={rows}
          rowKey={(wo) => wo.id}
          select={canBulkEdit ? { name: "workOrderIds", label: (wo) => `Select #${wo.number}` } : undefined}
          sort={{ current: filters, hrefFor: sortHref }}
          empty={{
            title: "No work orders match",
            text: hasFilters(filters)
              ? "Try fewer filters, or clear them."
              : "Create the first work order to get started.",
          }}
          columns={(
            [
              {
                key: "number",
                header: "#",
                sort: "number",
                cell: (wo) => wo.number,
                className: "num-cell",
                phone: false,
              },
              {
                key: "title",
                header: "Title",
                primary: true,
                clip: true,
                cell: (wo) => linkCell(`/staff/work-orders/${wo.id}`, wo.title),
              },
              { key: "site", header: "Site", cell: (wo) => wo.site.name, clip: true },
              {
                key: "priority",
                header: "Priority",
                cell: (wo) => badgeCell(priorityWords(wo.priority)),
                phone: false,
              },
              {
                key: "status",
                header: "Status",
                cell: (wo) => badgeCell(workOrderStatusWords(wo.status)),
              },
              {
                key: "contractor",
                header: "Contractor",
                clip: true,
                cell: (wo) => {
                  const live = wo.assignments[0];
                  return live ? `${live.contractorCompany.name}: ${contractorProgress(live.status)}` : "—";
                },
              },
              {
                key: "created",
                header: "Created",
                sort: "created",
                className: "nowrap",
                phone: false,
                cell: (wo) => formatDayIn(wo.createdAt, actor.organisationTimeZone),
              },
              {
                key: "due",
                header: "Due",
                sort: "due",
                className: "nowrap",
                cell: (wo) =>
                  dueCell(wo.dueAt, !FINISHED.includes(wo.status) && pastDue(wo.dueAt, actor.organisationTimeZone)),
              },
              {
                key: "sla",
                header: "SLA due",
                sort: "sla",
                className: "nowrap",
                phone: false,
                cell: (wo) => {
                  const breached = !!wo.slaDueAt && wo.slaDueAt < now && !FINISHED.includes(wo.status);
                  return flaggedCell(
                    formatDayIn(wo.slaDueAt, actor.organisationTimeZone),
                    breached ? "breached" : null,
                  );
                },
              },
            ] satisfies TListColumn<(typeof rows)[number], typeof filters.sort>[]
          ).filter((column) => shown.has(column.key))}
        />
      </ActionForm>
      <nav className="pager" aria-label="Pages">
        <span className="muted" data-testid="match-count">
          {describePosition(filters.page ?? 1, PAGE_SIZE, rows.length, count, "work order", "work orders")}
        </span>
        <span className="button-row">
          {previousCursor && (
            <>
              <Link className="button button-ghost" href={`/staff?${currentQuery}`}>
                First page
              </Link>
              <Link
                className="button button-secondary"
                href={`/staff?${listQuery(filters, { before: previousCursor, page: (filters.page ?? 2) - 1 })}`}
              >
                Previous page
              </Link>
            </>
          )}
          {nextCursor && (
            <Link
              className="button button-secondary"
              href={`/staff?${listQuery(filters, { after: nextCursor, page: (filters.page ?? 1) + 1 })}`}
            >
              Next page
            </Link>
          )}
        </span>
      </nav>
    </>
  );
}
