import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDate } from "@/components/ui/format";
import { requireStaffActor } from "@/lib/auth/session";
import { statusLabel } from "@/lib/assignments/status-machine";
import { listWorkOrders } from "@/lib/work-orders/list-work-orders";
import { ZWorkOrderListSchema } from "@/lib/work-orders/schemas";

export const metadata = { title: "Work orders · Fieldgate" };

const STATUSES = ["OPEN", "ASSIGNED", "IN_PROGRESS", "AWAITING_REVIEW", "COMPLETED", "CANCELLED"] as const;

export default async function WorkOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireStaffActor();
  const filters = ZWorkOrderListSchema.parse(await searchParams);
  const { rows, nextCursor } = await listWorkOrders(actor, filters);
  const now = new Date();

  return (
    <>
      <header className="page-header">
        <h1>Work orders</h1>
        <Link className="button button-primary" href="/staff/work-orders/new">
          New work order
        </Link>
      </header>
      <form className="filters" action="/staff">
        <label htmlFor="q">Search</label>
        <input id="q" name="q" type="search" placeholder="Title or number" defaultValue={filters.q} />
        <label htmlFor="status">Status</label>
        <select id="status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any status</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, " ")}
            </option>
          ))}
        </select>
        <button className="button button-secondary" type="submit">
          Apply
        </button>
      </form>
      <table className="table" aria-label="Work orders">
        <thead>
          <tr>
            <th>#</th>
            <th>Title</th>
            <th>Site</th>
            <th>Priority</th>
            <th>Status</th>
            <th>Contractor</th>
            <th>SLA due</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                No work orders match.
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
                  <StatusBadge status={wo.status} />
                </td>
                <td>{live ? `${live.contractorCompany.name} · ${statusLabel(live.status)}` : "—"}</td>
                <td className={breached ? "text-danger" : undefined}>{formatDate(wo.slaDueAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {nextCursor && (
        <p>
          <Link className="button button-secondary" href={`/staff?${new URLSearchParams({ ...(filters.q ? { q: filters.q } : {}), ...(filters.status ? { status: filters.status } : {}), after: nextCursor })}`}>
            Older work orders
          </Link>
        </p>
      )}
    </>
  );
}
