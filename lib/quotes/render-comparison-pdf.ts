import "server-only";
import { describeComplianceProblems } from "@/lib/compliance/describe-compliance";
import { formatMoney } from "@/lib/money/format-money";
import { pdfBytes } from "@/lib/pdf/pdf-bytes";
import { PdfWriter } from "@/lib/pdf/pdf-writer";
import { bidderStatusWords } from "@/lib/statuses/status-words";
import { formatCalendarDay } from "@/lib/time/zones";
import type { TQuoteComparison } from "./compare-quotes";
import type { getQuoteRequest } from "./get-quote-request";

type TRequest = Awaited<ReturnType<typeof getQuoteRequest>>;

// The answers side by side for the file or a meeting: each bidder's totals, dates and
// standing, then the lines aligned by description (up to five bidders a table, so the
// columns stay readable on A4), and the lines only one bidder quoted.
export async function renderComparisonPdf(request: TRequest, comparison: TQuoteComparison, currency: string) {
  const { columns } = comparison;
  const money = (value: { toString(): string } | null | undefined, column?: (typeof columns)[number]) =>
    value ? formatMoney(value.toString(), column?.answer?.currency ?? currency) : "—";
  const pdf = new PdfWriter({
    title: `Quotes: ${request.workOrder.title}`,
    header: `Work order #${request.workOrder.number} · quotes compared`,
  });
  pdf.title(
    `Quotes: ${request.workOrder.title}`,
    `Work order #${request.workOrder.number}, ${request.workOrder.site.name}`,
  );
  pdf.table(
    [
      { label: "Bidder", width: 0.24 },
      { label: "Answer", width: 0.14 },
      { label: "Total", width: 0.14, align: "right" },
      { label: "Proposed", width: 0.12 },
      { label: "Valid until", width: 0.12 },
      { label: "Documents", width: 0.24 },
    ],
    columns.map((column, i) => [
      column.bidder,
      bidderStatusWords(column.status, column.answer !== null).label,
      `${money(column.answer?.gross, column)}${comparison.lowestTotal.has(i) ? " (lowest)" : ""}`,
      `${formatCalendarDay(column.answer?.proposedDate)}${comparison.earliestDate.has(i) ? " (earliest)" : ""}`,
      formatCalendarDay(column.answer?.validUntil),
      !column.compliance
        ? "Outside supplier"
        : column.compliance.allowed
          ? "Held"
          : describeComplianceProblems(column.compliance.problems),
    ]),
  );
  for (let from = 0; from < columns.length; from += 5) {
    const group = columns.slice(from, from + 5);
    const share = 0.64 / group.length;
    pdf.heading(from === 0 ? "Lines" : `Lines (bidders ${from + 1}–${from + group.length})`);
    pdf.table(
      [
        { label: "Description", width: 0.36 },
        ...group.map((c) => ({ label: c.bidder, width: share, align: "right" as const })),
      ],
      comparison.rows.map((row) => [
        row.description,
        ...group.map((column, i) => {
          const line = row.cells[from + i];
          return line ? money(line.net, column) : column.answer ? "not quoted" : "—";
        }),
      ]),
    );
  }
  if (comparison.apart.length) {
    pdf.heading("Lines only one bidder quoted");
    pdf.table(
      [
        { label: "Bidder", width: 0.3 },
        { label: "Description", width: 0.5 },
        { label: "Net", width: 0.2, align: "right" },
      ],
      comparison.apart.map(({ column, line }) => [
        columns[column].bidder,
        line.description,
        money(line.net, columns[column]),
      ]),
    );
  }
  return pdfBytes(pdf.doc);
}
