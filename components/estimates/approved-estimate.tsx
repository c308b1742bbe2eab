import { TableScroll } from "@/components/ui/table-scroll";
import { quantityWithUnit } from "@/lib/billing/unit-codes";
import type { listApprovedEstimateLines } from "@/lib/estimates/list-approved-estimate-lines";
import { formatMoney } from "@/lib/money/format-money";

type TEstimate = Awaited<ReturnType<typeof listApprovedEstimateLines>>;

// What the client approved, as the contractor works and invoices to it.
export function ApprovedEstimate({ estimate, currency }: { estimate: TEstimate; currency: string }) {
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
            </tr>
          </thead>
          <tbody>
            {estimate.lines.map((line) => (
              <tr key={line.id}>
                <td>{line.description}</td>
                <td className="num">{quantityWithUnit(line.quantity, line.unitCode)}</td>
                <td className="num">{formatMoney(line.unitPrice, currency)}</td>
                <td className="num">{line.taxPercent.toString()} %</td>
                <td className="num">{formatMoney(line.amounts.net, currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                Not to exceed, before tax
              </th>
              <td className="num">{formatMoney(estimate.counted.net, currency)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </section>
  );
}
