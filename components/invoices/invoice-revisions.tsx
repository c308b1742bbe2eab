import { formatStamp } from "@/components/ui/format";
import type { getInvoice } from "@/lib/invoices/get-invoice";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { formatMoney } from "@/lib/money/format-money";

type TInvoice = Awaited<ReturnType<typeof getInvoice>>;
type TDispute = { position: number; description: string; reason: string };

// Every submission as it was sent, with what the client disputed in it: a revision never
// replaces the record of the one before.
export function InvoiceRevisions({ invoice, clock }: { invoice: TInvoice; clock: TReaderClock }) {
  if (invoice.revisions.length === 0) return null;
  return (
    <section className="card" aria-label="Revisions">
      <h2>Revisions</h2>
      <ol reversed>
        {invoice.revisions.map((revision) => {
          const disputes = revision.disputes as TDispute[];
          const differences = (revision.differences as unknown[]).length;
          return (
            <li key={revision.id} data-testid="invoice-revision">
              <strong>Revision {revision.revision}</strong>, submitted {formatStamp(revision.submittedAt, clock)}:{" "}
              {formatMoney(revision.gross, invoice.currency)} with tax, {(revision.lines as unknown[]).length} lines,{" "}
              {differences === 0 ? "no differences" : `${differences} flagged`}
              {disputes.length > 0 && (
                <ul>
                  {disputes.map((d) => (
                    <li key={d.position}>
                      Disputed line {d.position} ({d.description}): {d.reason}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
