import Link from "next/link";
import { formatCalendarDay } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { invoiceStatusWords } from "@/lib/statuses/status-words";
import type { getInvoice } from "@/lib/invoices/get-invoice";
import { formatMoney } from "@/lib/money/format-money";

type TInvoice = Awaited<ReturnType<typeof getInvoice>>;

// The invoice's number, status and parties, the work it bills and what was agreed, and
// the differences that concern the whole invoice (the not-to-exceed).
export function InvoiceHeader({ invoice, workOrderHref }: { invoice: TInvoice; workOrderHref: string }) {
  const { workOrder } = invoice.assignment;
  const company = invoice.contractorCompany;
  // The differences on lines, then what concerns the invoice as a whole (the not-to-exceed).
  const lineDifferences = invoice.differences.filter((d) => d.lineId !== null).length;
  return (
    <>
      <header className="page-header">
        <div>
          <p className="muted">
            {company.name} → {invoice.organisation.name}
          </p>
          <h1>Invoice {invoice.number}</h1>
        </div>
        <StatusBadge words={invoiceStatusWords(invoice.status)} />
      </header>
      <section className="card">
        <dl className="details">
          <dt>Work order</dt>
          <dd>
            <Link href={workOrderHref}>
              #{workOrder.number} {workOrder.title}
            </Link>
          </dd>
          <dt>Site</dt>
          <dd>
            {workOrder.site.name}, {workOrder.site.addressLine1}, {workOrder.site.city} {workOrder.site.postcode}
          </dd>
          <dt>Purchase order</dt>
          <dd>{workOrder.purchaseOrder ?? "—"}</dd>
          <dt>Not to exceed</dt>
          <dd>{formatMoney(workOrder.notToExceed, invoice.currency)} before tax</dd>
          <dt>Issued</dt>
          <dd>{formatCalendarDay(invoice.issueDate)}</dd>
          <dt>From</dt>
          <dd className="prewrap">
            {[company.name, company.address, company.email, company.phone].filter(Boolean).join("\n")}
          </dd>
          {invoice.revision > 0 && (
            <>
              <dt>Revision</dt>
              <dd>{invoice.revision}</dd>
            </>
          )}
          {invoice.paidAt && (
            <>
              <dt>Paid</dt>
              <dd>
                {formatCalendarDay(invoice.paidAt)}
                {invoice.paymentReference && ` (${invoice.paymentReference})`}
              </dd>
            </>
          )}
        </dl>
        {invoice.noRateCard && (
          <p className="alert alert-warning" data-testid="no-rate-card">
            No rate card was in force for this work: its labour was not priced from a card. Agree a rate card, or check
            the prices entered.
          </p>
        )}
        {invoice.decisionNote && (
          <p className={`alert ${invoice.status === "REJECTED" ? "alert-error" : "alert-info"}`}>
            {invoice.status === "REJECTED" ? "Rejected: " : ""}
            {invoice.decisionNote}
          </p>
        )}
        {invoice.revision > 0 && (
          <div data-testid="invoice-differences">
            {invoice.differences.length === 0 ? (
              <p className="alert alert-success">
                Checked on submission: no difference from the estimate, the rate card and the time and costs recorded.
              </p>
            ) : (
              <p className="alert alert-warning">
                Checked on submission:{" "}
                {[
                  ...(lineDifferences > 0
                    ? [`${lineDifferences} difference${lineDifferences === 1 ? "" : "s"} flagged on the lines below`]
                    : []),
                  ...invoice.invoiceDifferences.map((d) => d.reason),
                ].join("; ")}
                .
              </p>
            )}
          </div>
        )}
      </section>
    </>
  );
}
