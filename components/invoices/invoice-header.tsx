import Link from "next/link";
import type { ReactNode } from "react";
import { RecordHeader } from "@/components/ui/record-header";
import { formatCalendarDay } from "@/components/ui/format";
import { invoiceStatusWords } from "@/lib/statuses/status-words";
import type { getInvoice } from "@/lib/invoices/get-invoice";
import { formatMoney } from "@/lib/money/format-money";

type TInvoice = Awaited<ReturnType<typeof getInvoice>>;

// The invoice's number, status and parties, the work it bills and what was agreed, and
// the differences that concern the whole invoice (the not-to-exceed).
export function InvoiceHeader({
  invoice,
  workOrderHref,
  actions,
}: {
  invoice: TInvoice;
  workOrderHref: string;
  actions?: ReactNode;
}) {
  const { workOrder } = invoice.assignment;
  const company = invoice.contractorCompany;
  // The differences on lines, then what concerns the invoice as a whole (the not-to-exceed).
  const lineDifferences = invoice.differences.filter((d) => d.lineId !== null).length;
  return (
    <>
      <RecordHeader
        eyebrow={`${company.name} → ${invoice.organisation.name}`}
        title={`Invoice ${invoice.number}`}
        status={invoiceStatusWords(invoice.status)}
        detail={[
          invoice.revision > 1 ? `Revision ${invoice.revision}` : null,
          invoice.paidAt
            ? `Paid ${formatCalendarDay(invoice.paidAt)}${invoice.paymentReference ? ` (${invoice.paymentReference})` : ""}`
            : null,
        ]
          .filter(Boolean)
          .join(" · ")}
        facts={[
          {
            label: "Work order",
            value: (
              <Link href={workOrderHref}>
                #{workOrder.number} {workOrder.title}
              </Link>
            ),
          },
          { label: "Site", value: `${workOrder.site.name}, ${workOrder.site.city}` },
          { label: "Not to exceed", value: `${formatMoney(workOrder.notToExceed, invoice.currency)} before tax` },
          { label: "Issued", value: formatCalendarDay(invoice.issueDate) },
          { label: "Total with tax", value: formatMoney(invoice.gross, invoice.currency) },
        ]}
        actions={actions}
      />
      <div className="record-notices">
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
      </div>
    </>
  );
}

// Who sends it and for which site and order, as the invoice document states them.
export function InvoiceParties({ invoice }: { invoice: TInvoice }) {
  const { workOrder } = invoice.assignment;
  const company = invoice.contractorCompany;
  return (
    <section className="card invoice-parties" aria-label="Invoice details">
      <dl className="details">
        <dt>From</dt>
        <dd className="prewrap">
          {[company.name, company.address, company.email, company.phone].filter(Boolean).join("\n")}
        </dd>
        <dt>Site</dt>
        <dd>
          {workOrder.site.name}, {workOrder.site.addressLine1}, {workOrder.site.city} {workOrder.site.postcode}
        </dd>
        <dt>Purchase order</dt>
        <dd>{workOrder.purchaseOrder ?? "—"}</dd>
      </dl>
    </section>
  );
}
