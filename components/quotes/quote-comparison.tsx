import type { ReactNode } from "react";
import { formatCalendarDay, formatStamp } from "@/components/ui/format";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { StatusBadge } from "@/components/ui/status-badge";
import { describeComplianceProblems } from "@/lib/compliance/describe-compliance";
import { formatMoney } from "@/lib/money/format-money";
import type { TQuoteComparison } from "@/lib/quotes/compare-quotes";
import { bidderStatusWords } from "@/lib/statuses/status-words";

type TColumn = TQuoteComparison["columns"][number];
type TLine = NonNullable<TColumn["answer"]>["lines"][number];

const quantityText = (line: TLine) => `${line.quantity.toString()} ${line.unitCode === "C62" ? "×" : line.unitCode}`;

function complianceText(column: TColumn): string {
  if (!column.compliance) return "Outside supplier: documents not held";
  if (column.compliance.allowed) return "Required documents held";
  return `${column.overridden ? "Let through by a manager; " : ""}${describeComplianceProblems(column.compliance.problems)}`;
}

function performanceText(column: TColumn): string {
  const p = column.performance;
  if (!p || p.offered === 0) return column.outside ? "New to your network" : "No work with you yet";
  const hours = p.averageHoursToAccept === null ? "—" : `${p.averageHoursToAccept.toFixed(1)} h to accept`;
  const onTime = p.onTimeRate === null ? "no due dates yet" : `${Math.round(p.onTimeRate * 100)} % on time`;
  return `${p.offered} task${p.offered === 1 ? "" : "s"}: ${hours}, ${onTime}`;
}

// The answers side by side: a column per invitee (total, date, validity, documents, how
// the company has worked for you, then the lines aligned by description) at a desk; one
// card per bidder on a phone. The lowest total and the earliest date are marked.
export function QuoteComparison({
  comparison,
  currency,
  clock,
  award,
}: {
  comparison: TQuoteComparison;
  currency: string;
  clock: TReaderClock;
  // The award control for a column that may be awarded.
  award?: (column: TColumn) => ReactNode;
}) {
  const { columns, rows, apart, lowestTotal, earliestDate } = comparison;
  const money = (value: { toString(): string }, column: TColumn) =>
    formatMoney(value.toString(), column.answer?.currency ?? currency);
  const total = (column: TColumn, i: number) =>
    column.answer ? (
      <>
        <strong>{money(column.answer.gross, column)}</strong>
        {lowestTotal.has(i) && <span className="mark"> Lowest</span>}
        <br />
        <small className="hint">{money(column.answer.net, column)} net</small>
      </>
    ) : (
      "—"
    );
  const proposed = (column: TColumn, i: number) =>
    column.answer ? (
      <>
        {formatCalendarDay(column.answer.proposedDate)}
        {earliestDate.has(i) && <span className="mark"> Earliest</span>}
      </>
    ) : (
      "—"
    );
  const standing = (column: TColumn) => (
    <>
      <StatusBadge words={bidderStatusWords(column.status, column.answer !== null)} />
      {column.declineReason && <small className="hint"> “{column.declineReason}”</small>}
      {column.answer?.stale && <small className="flag"> Given for an earlier version of the request</small>}
      {column.history.length > 0 && (
        <details className="hint">
          <summary>
            {column.history.length} earlier revision{column.history.length === 1 ? "" : "s"}
          </summary>
          <ul className="plain-list">
            {column.history.map((revision) => (
              <li key={revision.number}>
                Revision {revision.number}: {formatMoney(revision.gross.toString(), revision.currency)},{" "}
                {formatStamp(revision.submittedAt, clock)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
  const documentLink = (column: TColumn) =>
    column.answer?.document ? (
      <a href={`/api/files/${column.answer.document.id}`} download>
        {column.answer.document.filename}
      </a>
    ) : (
      "—"
    );
  const lineText = (line: TLine | null, column: TColumn) =>
    line ? (
      <>
        {money(line.net, column)}
        <br />
        <small className="hint">
          {quantityText(line)} {money(line.unitPrice, column)}, tax {line.taxPercent.toString()} %
        </small>
      </>
    ) : (
      <span className="muted">Not quoted</span>
    );

  return (
    <div data-testid="quote-comparison">
      <div className="table-scroll compare-wide">
        <table className="table compare-table" aria-label="Answers side by side">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">What is compared</span>
              </th>
              {columns.map((column) => (
                <th scope="col" key={column.invitationId}>
                  {column.bidder}
                  {column.outside && <small className="hint"> (outside supplier)</small>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Row label="Answer" cells={columns.map(standing)} />
            <Row label="Total" cells={columns.map(total)} />
            <Row label="Proposed date" cells={columns.map(proposed)} />
            <Row label="Valid until" cells={columns.map((c) => formatCalendarDay(c.answer?.validUntil))} />
            <Row label="Documents" cells={columns.map(complianceText)} />
            <Row label="With you so far" cells={columns.map(performanceText)} />
            <Row label="Comments" cells={columns.map((c) => c.answer?.comments || "—")} />
            <Row label="Quote document" cells={columns.map(documentLink)} />
            {rows.map((row, r) => (
              <Row
                key={`line-${r}`}
                label={row.description}
                line
                cells={row.cells.map((line, i) => (columns[i].answer ? lineText(line, columns[i]) : "—"))}
              />
            ))}
            {apart.length > 0 && (
              <Row
                label="Lines only this bidder quoted"
                line
                cells={columns.map((column, i) => {
                  const own = apart.filter((a) => a.column === i);
                  return own.length ? (
                    <ul className="plain-list">
                      {own.map((a, n) => (
                        <li key={n}>
                          {a.line.description}: {money(a.line.net, column)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  );
                })}
              />
            )}
            {award && <Row label="Award" cells={columns.map((c) => award(c) ?? "")} />}
          </tbody>
        </table>
      </div>
      <ul className="compare-cards" aria-label="Answers, one card per bidder">
        {columns.map((column, i) => (
          <li className="card" key={column.invitationId}>
            <h3>{column.bidder}</h3>
            <p>{standing(column)}</p>
            <dl className="details">
              <dt>Total</dt>
              <dd>{total(column, i)}</dd>
              <dt>Proposed date</dt>
              <dd>{proposed(column, i)}</dd>
              <dt>Valid until</dt>
              <dd>{formatCalendarDay(column.answer?.validUntil)}</dd>
              <dt>Documents</dt>
              <dd>{complianceText(column)}</dd>
              <dt>With you so far</dt>
              <dd>{performanceText(column)}</dd>
              <dt>Quote document</dt>
              <dd>{documentLink(column)}</dd>
            </dl>
            {column.answer && (
              <ul className="plain-list">
                {column.answer.lines.map((line) => (
                  <li key={line.id}>
                    {line.description}: {money(line.net, column)}{" "}
                    <small className="hint">
                      ({quantityText(line)} {money(line.unitPrice, column)})
                    </small>
                  </li>
                ))}
              </ul>
            )}
            {award?.(column)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Row({ label, cells, line = false }: { label: string; cells: ReactNode[]; line?: boolean }) {
  return (
    <tr className={line ? "compare-line" : undefined}>
      <th scope="row">{label}</th>
      {cells.map((cell, i) => (
        <td key={i}>{cell}</td>
      ))}
    </tr>
  );
}
