import Link from "next/link";
import type { InvoiceStatus } from "@/generated/prisma/client";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCalendarDay } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { invoiceStatusWords } from "@/lib/statuses/status-words";
import { TableScroll } from "@/components/ui/table-scroll";
import { Tabs } from "@/components/ui/tabs";
import { INVOICE_STATUSES } from "@/lib/invoices/invoice-statuses";
import type { listInvoices } from "@/lib/invoices/list-invoices";
import { formatMoney } from "@/lib/money/format-money";

type TList = Awaited<ReturnType<typeof listInvoices>>;

// Invoices by status with the totals of what is listed, one per currency. Staff never
// see drafts; the Desk sees its own, and who each invoice is to.
export function InvoiceList({
  list,
  status,
  basePath,
  side,
}: {
  list: TList;
  status: InvoiceStatus | undefined;
  basePath: string;
  side: "staff" | "desk";
}) {
  const statuses = side === "staff" ? INVOICE_STATUSES.filter((s) => s !== "DRAFT") : INVOICE_STATUSES;
  const all = Object.values(list.counts).reduce((n, c) => n + (c ?? 0), 0);
  const pageHref = (after?: string) => {
    const query = new URLSearchParams({ ...(status ? { status } : {}), ...(after ? { after } : {}) }).toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  const totals = (amounts: { currency: string; total: string }[]) =>
    amounts.map((a) => formatMoney(a.total, a.currency)).join(" · ");
  return (
    <>
      <Tabs
        label="Invoices by status"
        tabs={[
          { href: basePath, label: "All", current: !status, count: all },
          ...statuses.map((s) => ({
            href: `${basePath}?status=${s}`,
            label: invoiceStatusWords(s).label,
            current: status === s,
            count: list.counts[s] ?? 0,
          })),
        ]}
      />
      {list.totals.count > 0 && (
        <p data-testid="invoice-totals">
          {list.totals.count.toLocaleString("en-GB")} invoice{list.totals.count === 1 ? "" : "s"}:{" "}
          {totals(list.totals.net)} net, {totals(list.totals.gross)} with tax
        </p>
      )}
      {list.rows.length === 0 ? (
        <EmptyState title="No invoices here">
          {side === "desk"
            ? "An invoice is drafted for you when you complete a task; you can also write one by hand from the task."
            : "Contractors' invoices appear here when they submit them."}
        </EmptyState>
      ) : (
        <TableScroll label="Invoices">
          <table className="table table-stack" aria-label="Invoices">
            <thead>
              <tr>
                <th>Number</th>
                <th>{side === "staff" ? "Contractor" : "Client"}</th>
                <th>Work order</th>
                <th>Issued</th>
                <th>Status</th>
                <th>Checks</th>
                <th className="num">Net</th>
                <th className="num">Total</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link href={`${basePath}/${row.id}`}>{row.number}</Link>
                  </td>
                  <td data-label={side === "staff" ? "Contractor" : "Client"}>
                    {side === "staff" ? row.contractorCompany.name : row.organisation.name}
                  </td>
                  <td data-label="Work order">
                    #{row.assignment.workOrder.number} {row.assignment.workOrder.title}
                  </td>
                  <td data-label="Issued">{formatCalendarDay(row.issueDate)}</td>
                  <td data-label="Status">
                    <StatusBadge words={invoiceStatusWords(row.status)} />
                    {row.autoApproved && <span className="hint"> auto</span>}
                  </td>
                  <td data-label="Checks">
                    {row.noRateCard && <span className="flag">No rate card · </span>}
                    {row.status === "DRAFT"
                      ? "—"
                      : row.differenceCount === 0
                        ? "None flagged"
                        : `${row.differenceCount} flagged`}
                  </td>
                  <td className="num" data-label="Net">
                    {formatMoney(row.net, row.currency)}
                  </td>
                  <td className="num" data-label="Total">
                    {formatMoney(row.gross, row.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {(list.after || list.nextCursor) && (
        <p className="pager">
          {list.after && <Link href={pageHref()}>First page</Link>}
          {list.nextCursor && (
            <Link className="button button-secondary" href={pageHref(list.nextCursor)}>
              Next page
            </Link>
          )}
        </p>
      )}
    </>
  );
}
