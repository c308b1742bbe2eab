import Link from "next/link";
import { formatCalendarDay, formatDayIn } from "@/components/ui/format";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { StatusBadge } from "@/components/ui/status-badge";
import { statusLabel, taskStatusWords } from "@/lib/statuses/status-words";
import type { TDeskStatusReport } from "@/lib/reports/get-desk-status-report";
import { TableScroll } from "@/components/ui/table-scroll";

const figure = (value: number) => (value ? value : <span className="muted">–</span>);

function TaskTable({ label, tasks }: { label: string; tasks: TDeskStatusReport["oldest"] }) {
  return (
    <TableScroll label={label}>
      <table className="table report-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Client</th>
            <th scope="col">Status</th>
            <th scope="col">Offered</th>
            <th scope="col" className="num">
              Age (days)
            </th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id}>
              <td>
                <Link href={`/desk/tasks/${task.id}`}>
                  #{task.workOrder.number} {task.workOrder.title}
                </Link>
                <br />
                <small className="muted">{task.workOrder.site.name}</small>
              </td>
              <td>{task.organisation.name}</td>
              <td>
                <StatusBadge words={taskStatusWords(task.status)} />
              </td>
              <td>{formatDayIn(task.offeredAt, task.organisation.timezone)}</td>
              <td className="num">{task.ageDays}</td>
              <td className={task.pastDue ? "text-danger" : undefined}>{formatCalendarDay(task.workOrder.dueAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function DeskStatusReport({ report, clock }: { report: TDeskStatusReport; clock: TReaderClock }) {
  const { totals } = report;
  return (
    <section className="report-section" id="status" aria-labelledby="status-heading">
      <h2 id="status-heading">Status of open tasks, {formatDayIn(report.asOf, clock.zone)}</h2>
      <p className="muted">
        Every task still open today, whatever the month it was offered, by whole days since it was offered. Overdue: the
        client&apos;s due date has passed and the work has not been performed yet.
      </p>
      {totals.total === 0 ? (
        <p>You have no open tasks.</p>
      ) : (
        <>
          <TableScroll label="Open tasks by status and age">
            <table className="table report-table" aria-label="Open tasks by status and age">
              <thead>
                <tr>
                  <th scope="col">Status</th>
                  {report.buckets.map((bucket) => (
                    <th key={bucket} scope="col" className="num">
                      {bucket}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col" className="num">
                    Overdue
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.status}>
                    <th scope="row">{statusLabel(row.status)}</th>
                    {row.byAge.map((tasks, index) => (
                      <td key={report.buckets[index]} className="num">
                        {figure(tasks)}
                      </td>
                    ))}
                    <td className="num">{figure(row.total)}</td>
                    <td className={row.overdue ? "num text-danger" : "num"}>{figure(row.overdue)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  {totals.byAge.map((tasks, index) => (
                    <td key={report.buckets[index]} className="num">
                      {tasks}
                    </td>
                  ))}
                  <td className="num">{totals.total}</td>
                  <td className="num">{totals.overdue}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
          <h3>Most overdue</h3>
          {report.overdue.length === 0 ? (
            <p>No open task is past its due date.</p>
          ) : (
            <>
              {totals.overdue > report.overdue.length && (
                <p className="muted">
                  The {report.overdue.length} most overdue of {totals.overdue}.
                </p>
              )}
              <TaskTable label="Most overdue tasks" tasks={report.overdue} />
            </>
          )}
          <h3>Oldest open tasks</h3>
          {totals.total > report.oldest.length && (
            <p className="muted">
              The {report.oldest.length} oldest of {totals.total}.
            </p>
          )}
          <TaskTable label="Oldest open tasks" tasks={report.oldest} />
        </>
      )}
    </section>
  );
}
