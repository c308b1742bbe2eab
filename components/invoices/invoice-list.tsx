import Link from "next/link";
import type { InvoiceStatus } from "@/generated/prisma/client";
import { formatCalendarDay } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { invoiceStatusWords } from "@/lib/statuses/status-words";
import { ListTable } from "@/components/ui/list-table";
import { Tabs } from "@/components/ui/tabs";
import { INVOICE_STATUSES } from "@/lib/invoices/invoice-statuses";
import type { listInvoices } from "@/lib/invoices/list-invoices";
import { formatMoney } from "@/lib/money/format-money";
import { linkCell } from "@/components/ui/list-cell";

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
      <ListTable
        label="Invoices"
        rows={list.rows}
        rowKey={(row) => row.id}
        empty={{
          title: "No invoices here",
          text:
            side === "desk"
              ? "An invoice is drafted for you when you complete a task; you can also write one by hand from the task."
              : "Contractors' invoices appear here when they submit them.",
        }}
        columns={[
          {
            key: "number",
            header: "Number",
            primary: true,
            cell: (row) => linkCell(`${basePath}/${row.id}`, row.number),
          },
          {
            key: "party",
            header: side === "staff" ? "Contractor" : "Client",
            clip: true,
            cell: (row) => (side === "staff" ? row.contractorCompany.name : row.organisation.name),
          },
          {
            key: "workOrder",
            header: "Work order",
            clip: true,
            cell: (row) => `#${row.assignment.workOrder.number} ${row.assignment.workOrder.title}`,
          },
          { key: "issued", header: "Issued", className: "nowrap", cell: (row) => formatCalendarDay(row.issueDate) },
          {
            key: "status",
            header: "Status",
            cell: (row) => (
              <>
                <StatusBadge words={invoiceStatusWords(row.status)} />
                {row.autoApproved && <span className="hint"> auto</span>}
              </>
            ),
          },
          {
            key: "checks",
            header: "Checks",
            cell: (row) => (
              <>
                {row.noRateCard && <span className="flag">No rate card · </span>}
                {row.status === "DRAFT"
                  ? "—"
                  : row.differenceCount === 0
                    ? "None flagged"
                    : `${row.differenceCount} flagged`}
              </>
            ),
          },
          { key: "net", header: "Net", className: "num nowrap", cell: (row) => formatMoney(row.net, row.currency) },
          {
            key: "total",
            header: "Total",
            className: "num nowrap",
            cell: (row) => formatMoney(row.gross, row.currency),
          },
        ]}
      />
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
