import { TableScroll } from "@/components/ui/table-scroll";
import type { TActionResult } from "@/lib/actions/result";
import { quantityWithUnit } from "@/lib/billing/unit-codes";
import type { listApprovedEstimateLines } from "@/lib/estimates/list-approved-estimate-lines";
import { formatMoney } from "@/lib/money/format-money";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { CustomerDecision } from "./customer-decision";
import { LineComments } from "./line-comments";

type TEstimate = Awaited<ReturnType<typeof listApprovedEstimateLines>>;
type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;

// What the client approved, as the contractor works and invoices to it: each line with the
// client's approval and its customer's decision, and the customer's comments to answer.
export function ApprovedEstimate({
  estimate,
  currency,
  clock,
  reply,
}: {
  estimate: TEstimate;
  currency: string;
  clock: TReaderClock;
  reply?: TAction;
}) {
  if (estimate.lines.length === 0) return null;
  return (
    <section className="card" aria-labelledby="approved-estimate-heading">
      <h2 id="approved-estimate-heading">Approved estimate</h2>
      <TableScroll label="Approved estimate">
        <table className="table" aria-label="Approved estimate">
          <thead>
            <tr>
              <th>Description</th>
              <th className="num">Quantity</th>
              <th className="num">Unit price</th>
              <th className="num">Tax</th>
              <th className="num">Net</th>
              <th>Client</th>
              <th>Customer</th>
            </tr>
          </thead>
          <tbody>
            {estimate.lines.map((line) => (
              <tr key={line.id} className={line.counted ? undefined : "row-muted"} data-testid="approved-line">
                <td>
                  {line.description}
                  <LineComments
                    comments={estimate.comments.filter((c) => c.lineKey === line.lineKey)}
                    lineId={line.id}
                    reply={reply}
                    clock={clock}
                  />
                </td>
                <td className="num">{quantityWithUnit(line.quantity, line.unitCode)}</td>
                <td className="num">{formatMoney(line.unitPrice, currency)}</td>
                <td className="num">{line.taxPercent.toString()} %</td>
                <td className="num">{formatMoney(line.amounts.net, currency)}</td>
                <td>
                  <span className="badge badge-success">Approved</span>
                </td>
                <td>
                  <CustomerDecision decision={line.decision} comment={line.comment} signed={false} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                Not to exceed, before tax
              </th>
              <td className="num">{formatMoney(estimate.counted.net, currency)}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </section>
  );
}
