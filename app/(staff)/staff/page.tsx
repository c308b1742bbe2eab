import type { WorkOrderStatus } from "@/generated/prisma/client";
import Link from "next/link";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatCalendarDay, formatDayIn } from "@/components/ui/format";
import { SortHeader } from "@/components/ui/sort-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { WorkOrderFilters } from "@/components/work-orders/work-order-filters";
import { contractorProgress, workOrderStatusWords } from "@/lib/statuses/status-words";
import { requireStaffActor } from "@/lib/auth/session";
import { listWorkOrderFormOptions } from "@/lib/work-orders/list-form-options";
import { hasFilters, listQuery } from "@/lib/work-orders/list-query";
import { describeCount } from "@/lib/lists/count-cap";
import { countWorkOrders, listWorkOrders } from "@/lib/work-orders/list-work-orders";
import { listSavedFilters } from "@/lib/work-orders/saved-filters";
import { ZWorkOrderListSchema } from "@/lib/work-orders/schemas";
import { deleteSavedFilterAction, saveFilterAction } from "./actions";
import { TableScroll } from "@/components/ui/table-scroll";
import { EmptyState } from "@/components/ui/empty-state";
import { Tabs } from "@/components/ui/tabs";
import { AttentionPanel } from "@/components/work-orders/attention-panel";
import { countAttention } from "@/lib/work-orders/count-attention";

// The statuses staff switch between most; the filters below offer the rest.
const STATUS_TABS: [WorkOrderStatus | undefined, string][] = [
  [undefined, "All"],
  ...(["OPEN", "ASSIGNED", "IN_PROGRESS", "AWAITING_REVIEW", "COMPLETED"] as const).map(
    (status): [WorkOrderStatus, string] => [status, workOrderStatusWords(status).label],
  ),
];

export const metadata = { title: "Work orders · Fieldgate" };

export default async function WorkOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireStaffActor();
  const filters = ZWorkOrderListSchema.parse(await searchParams);
  const [{ rows, nextCursor, previousCursor }, count, attention, options, savedFilters] = await Promise.all([
    listWorkOrders(actor, filters),
    countWorkOrders(actor, filters),
    countAttention(actor),
    listWorkOrderFormOptions(actor),
    listSavedFilters(actor),
  ]);
  const now = new Date();
  const currentQuery = listQuery(filters, { after: undefined });
  const sortHref = (sort: typeof filters.sort, dir: typeof filters.dir) =>
    `/staff?${listQuery(filters, { sort, dir, after: undefined })}`;

  return (
    <>
      <header className="page-header">
        <h1>Work orders</h1>
        <div className="actions">
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
      )}
      <Tabs
        label="Work orders by status"
        tabs={STATUS_TABS.map(([status, label]) => ({
          href: `/staff?${listQuery(filters, { status, after: undefined })}`,
          label,
          current: filters.status === status,
        }))}
      />
      <TableScroll label="Work orders">
        <table className="table" aria-label="Work orders">
          <thead>
            <tr>
              <SortHeader current={filters} hrefFor={sortHref} sort="number">
                #
              </SortHeader>
              <th>Title</th>
              <th>Site</th>
              <th>Priority</th>
              <th>Status</th>
              <th>Contractor</th>
              <SortHeader current={filters} hrefFor={sortHref} sort="created">
                Created
              </SortHeader>
              <SortHeader current={filters} hrefFor={sortHref} sort="due">
                Due
              </SortHeader>
              <SortHeader current={filters} hrefFor={sortHref} sort="sla">
                SLA due
              </SortHeader>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={9}>
                  <EmptyState title="No work orders match">
                    {hasFilters(filters)
                      ? "Try fewer filters, or clear them."
                      : "Create the first work order to get started."}
                  </EmptyState>
                </td>
              </tr>
            )}
            {rows.map((wo) => {
              const live = wo.assignments[0];
              const breached = wo.slaDueAt && wo.slaDueAt < now && !["COMPLETED", "CANCELLED"].includes(wo.status);
              return (
                <tr key={wo.id}>
                  <td>{wo.number}</td>
                  <td>
                    <Link href={`/staff/work-orders/${wo.id}`}>{wo.title}</Link>
                  </td>
                  <td>{wo.site.name}</td>
                  <td>{wo.priority.toLowerCase()}</td>
                  <td>
                    <StatusBadge words={workOrderStatusWords(wo.status)} />
                  </td>
                  <td>{live ? `${live.contractorCompany.name}: ${contractorProgress(live.status)}` : "—"}</td>
                  <td className="nowrap">{formatDayIn(wo.createdAt, actor.organisationTimeZone)}</td>
                  <td className="nowrap">{formatCalendarDay(wo.dueAt)}</td>
                  <td className={breached ? "nowrap text-danger" : "nowrap"}>
                    {formatDayIn(wo.slaDueAt, actor.organisationTimeZone)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <nav className="pager" aria-label="Pages">
        <span className="muted" data-testid="match-count">
          {describeCount(count, "work order", "work orders")}
        </span>
        <span className="button-row">
          {previousCursor && (
            <>
              <Link className="button button-ghost" href={`/staff?${currentQuery}`}>
                First page
              </Link>
              <Link
                className="button button-secondary"
                href={`/staff?${listQuery(filters, { before: previousCursor })}`}
              >
                Previous page
              </Link>
            </>
          )}
          {nextCursor && (
            <Link className="button button-secondary" href={`/staff?${listQuery(filters, { after: nextCursor })}`}>
              Next page
            </Link>
          )}
        </span>
      </nav>
    </>
  );
}
