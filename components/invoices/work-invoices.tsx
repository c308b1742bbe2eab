import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import { invoiceStatusWords } from "@/lib/statuses/status-words";
import type { listWorkInvoices } from "@/lib/invoices/list-work-invoices";
import { formatMoney } from "@/lib/money/format-money";

type TInvoices = Awaited<ReturnType<typeof listWorkInvoices>>;

// The invoices on a task or work order, each linked, with a warning where no rate card
// priced the work.
export function WorkInvoices({
  invoices,
  basePath,
  empty,
  children,
}: {
  invoices: TInvoices;
  basePath: string;
  empty: string;
  children?: ReactNode;
}) {
  return (
    <section className="card" aria-label="Invoices">
      <h2>Invoices</h2>
      {invoices.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {invoices.map((invoice) => (
            <li key={invoice.id}>
              <Link href={`${basePath}/${invoice.id}`}>{invoice.number}</Link> from {invoice.contractorCompany.name}:{" "}
              {formatMoney(invoice.gross, invoice.currency)} with tax{" "}
              <StatusBadge words={invoiceStatusWords(invoice.status)} />
              {invoice.noRateCard && <span className="flag"> ⚠ No rate card in force</span>}
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}
