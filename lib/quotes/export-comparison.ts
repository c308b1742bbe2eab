import "server-only";
import { stringify } from "csv-stringify/sync";
import type { TStaffActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { moneyString } from "@/lib/money/money-string";
import { formatCalendarDay } from "@/lib/time/zones";
import { now as presentMoment } from "@/lib/time/now";
import { compareQuotes } from "./compare-quotes";
import { getQuoteRequest } from "./get-quote-request";
import { renderComparisonPdf } from "./render-comparison-pdf";

const HEADER = [
  "Bidder",
  "Answer",
  "Revision",
  "Proposed date",
  "Valid until",
  "Line",
  "Description",
  "Quantity",
  "Unit",
  "Unit price",
  "Tax %",
  "Line net",
  "Total net",
  "Total tax",
  "Total gross",
  "Currency",
];

// A request's answers for a spreadsheet: one row per quoted line (amounts as lib/money's
// canonical strings), one row for a bidder that declined or did not answer. Refused while
// the answers are sealed: no price leaves before the deadline.
export async function exportComparisonCsv(actor: TStaffActor, quoteRequestId: string, now = presentMoment()) {
  const request = await getQuoteRequest(actor, quoteRequestId, now);
  const comparison = await compareQuotes(request, now);
  if (!comparison) throw new AppError("CONFLICT", "The answers are sealed until the deadline.");
  const rows: string[][] = [HEADER];
  for (const column of comparison.columns) {
    const answer = column.answer;
    if (!answer) {
      rows.push([
        column.bidder,
        column.status === "DECLINED" ? "Declined" : "No answer",
        ...HEADER.slice(2).map(() => ""),
      ]);
      continue;
    }
    const money = (value: { toString(): string }) => moneyString(value.toString(), answer.currency);
    for (const [i, line] of answer.lines.entries())
      rows.push([
        column.bidder,
        answer.stale ? "Answered (earlier version)" : "Answered",
        String(answer.number),
        formatCalendarDay(answer.proposedDate),
        formatCalendarDay(answer.validUntil),
        String(i + 1),
        line.description,
        line.quantity.toString(),
        line.unitCode,
        money(line.unitPrice),
        line.taxPercent.toString(),
        money(line.net),
        money(answer.net),
        money(answer.tax),
        money(answer.gross),
        answer.currency,
      ]);
  }
  return { csv: stringify(rows), number: request.workOrder.number };
}

// The comparison as a PDF, refused like the CSV while the answers are sealed.
export async function exportComparisonPdf(actor: TStaffActor, quoteRequestId: string, now = presentMoment()) {
  const request = await getQuoteRequest(actor, quoteRequestId, now);
  const comparison = await compareQuotes(request, now);
  if (!comparison) throw new AppError("CONFLICT", "The answers are sealed until the deadline.");
  return {
    pdf: await renderComparisonPdf(request, comparison, actor.organisationCurrency),
    number: request.workOrder.number,
  };
}
