import { formatCalendarDay, formatDayIn } from "@/components/ui/format";
import { TableScroll } from "@/components/ui/table-scroll";
import { quantityInWords } from "@/lib/billing/unit-codes";
import type { TCustomerInvoice } from "@/lib/customer-invoices/list-customer-invoices";
import { formatMoney } from "@/lib/money/format-money";

// A customer invoice as issued: who from and to, number, dates, lines, tax and totals; a
// cancelled one says so and which invoice replaced it. The same on the customer's link and
// on the work order.
export function CustomerInvoiceView({
  invoice,
  zone,
  pdfHref,
}: {
  invoice: TCustomerInvoice;
  zone: string;
  pdfHref?: string;
}) {
  const money = (value: { toString(): string }) => formatMoney(value.toString(), invoice.currency);
  return (
    <article className="card" aria-label={`Invoice ${invoice.number}`} data-testid="customer-invoice">
      <div className="card-heading">
        <h2>
          Invoice {invoice.number}
          {invoice.status === "CANCELLED" && <span className="badge badge-danger"> Cancelled</span>}
        </h2>
        {pdfHref && (
          <a className="button button-secondary" href={pdfHref} download>
            Download PDF
          </a>
        )}
      </div>
      {invoice.status === "CANCELLED" && (
        <p className="alert alert-warning">
          Cancelled{invoice.cancelReason ? `: “${invoice.cancelReason}”` : ""}.
          {invoice.replacedBy ? ` Replaced by invoice ${invoice.replacedBy}.` : ""}
        </p>
      )}
      <dl className="details">
        <dt>From</dt>
        <dd>
          {invoice.seller.name}, {invoice.seller.address}
          {invoice.seller.taxNumber ? ` · Tax number ${invoice.seller.taxNumber}` : ""}
        </dd>
        <dt>To</dt>
        <dd>{[invoice.buyer.name, invoice.buyer.company].filter(Boolean).join(", ")}</dd>
        <dt>Site</dt>
        <dd>{invoice.buyer.site}</dd>
        <dt>Invoice date</dt>
        <dd>{formatDayIn(invoice.issuedAt, zone)}</dd>
        <dt>Due</dt>
        <dd>{formatCalendarDay(invoice.dueAt)}</dd>
        {invoice.replaces && (
          <>
            <dt>Replaces</dt>
            <dd>Invoice {invoice.replaces}</dd>
          </>
        )}
      </dl>
      <TableScroll label={`Lines of invoice ${invoice.number}`}>
        <table className="table" aria-label={`Lines of invoice ${invoice.number}`}>
          <thead>
            <tr>
              <th>Description</th>
              <th className="num">Quantity</th>
              <th className="num">Unit price</th>
              <th className="num">Tax</th>
              <th className="num">Net</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line) => (
              <tr key={line.id}>
                <td>{line.description}</td>
                <td className="num">{quantityInWords(line.quantity, line.unitCode)}</td>
                <td className="num">{money(line.unitPrice)}</td>
                <td className="num">{line.taxPercent.toString()} %</td>
                <td className="num">{money(line.net)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                Net
              </th>
              <td className="num">{money(invoice.net)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={4}>
                Tax
              </th>
              <td className="num">{money(invoice.tax)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={4}>
                Total due
              </th>
              <td className="num" data-testid="invoice-total">
                {money(invoice.gross)}
              </td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </article>
  );
}
