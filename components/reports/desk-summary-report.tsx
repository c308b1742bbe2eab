import type { ReactNode } from "react";
import type { AssignmentStatus } from "@/generated/prisma/client";
import { formatMoney } from "@/lib/money/format-money";
import { statusLabel } from "@/lib/statuses/status-words";
import type { TDeskSummaryReport, TSummaryFigure } from "@/lib/reports/get-desk-summary-report";
import { monthStart } from "@/lib/reports/report-period";
import { TableScroll } from "@/components/ui/table-scroll";

const monthName = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
export const formatMonth = (month: string) => monthName.format(monthStart(month));

const count = (figure?: TSummaryFigure) => (figure?.tasks ? figure.tasks : <span className="muted">–</span>);
// One line per currency (tasks from clients in several): never added together.
const value = (figure?: TSummaryFigure) => {
  if (!figure?.tasks) return <span className="muted">–</span>;
  return figure.value.map(({ currency, total }) => <div key={currency}>{formatMoney(total, currency)}</div>);
};

// One table per measure, months down and statuses across, so each prints on its own.
function SummaryTable({
  report,
  label,
  cell,
  extra,
}: {
  report: TDeskSummaryReport;
  label: string;
  cell: (figure?: TSummaryFigure) => ReactNode;
  extra?: { heading: string; cell: (figure: TSummaryFigure) => ReactNode };
}) {
  const rowFor = (
    heading: string,
    byStatus: Partial<Record<AssignmentStatus, TSummaryFigure>>,
    total: TSummaryFigure,
  ) => (
    <>
      <th scope="row">{heading}</th>
      {report.statuses.map((status) => (
        <td key={status} className="num">
          {cell(byStatus[status])}
        </td>
      ))}
      <td className="num">{cell(total)}</td>
      {extra && <td className="num">{extra.cell(total)}</td>}
    </>
  );
  return (
    <TableScroll label={label}>
      <table className="table report-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Month</th>
            {report.statuses.map((status) => (
              <th key={status} scope="col" className="num">
                {statusLabel(status)}
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
            {extra && (
              <th scope="col" className="num">
                {extra.heading}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {report.months.map((month) => (
            <tr key={month.month}>{rowFor(formatMonth(month.month), month.byStatus, month.total)}</tr>
          ))}
        </tbody>
        <tfoot>
          <tr>{rowFor("Total", report.byStatus, report.total)}</tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

export function DeskSummaryReport({ report }: { report: TDeskSummaryReport }) {
  const period =
    report.from === report.to ? formatMonth(report.from) : `${formatMonth(report.from)} to ${formatMonth(report.to)}`;
  return (
    <section className="report-section" id="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary of work received, {period}</h2>
      <p className="muted">
        Tasks offered to you in each month (on each client&apos;s calendar), counted by the status each task has today.
        Value is the not-to-exceed (NTE) amount the client set on the work order, not an invoiced amount.
        {report.total.unvaluedTasks > 0 &&
          ` ${report.total.unvaluedTasks} of ${report.total.tasks} tasks have no NTE amount and add nothing to the value.`}
      </p>
      {report.total.tasks === 0 ? (
        <p>No tasks were offered to you in this period.</p>
      ) : (
        <>
          <h3>Tasks</h3>
          <SummaryTable report={report} label="Tasks by month and status" cell={count} />
          <h3>Not-to-exceed value</h3>
          <SummaryTable
            report={report}
            label="Not-to-exceed value by month and status"
            cell={value}
            extra={{
              heading: "Tasks without NTE",
              cell: (figure) => (figure.unvaluedTasks ? figure.unvaluedTasks : <span className="muted">–</span>),
            }}
          />
        </>
      )}
    </section>
  );
}
