import { z } from "zod";
import { addMonths, MONTH_PATTERN, monthOf, monthSpan } from "./report-period";

export const DEFAULT_REPORT_MONTHS = 12;
export const MAX_REPORT_MONTHS = 36;

const blankAsMissing = z
  .string({ error: "Enter one value" })
  .trim()
  .optional()
  .transform((v) => v || undefined);

const optionalMonth = blankAsMissing.pipe(
  z.string().regex(MONTH_PATTERN, "Enter a month as YYYY-MM, for example 2025-01").optional(),
);

// Months are "YYYY-MM", both ends included; no client means every client.
export type TDeskReportFilters = { from: string; to: string; client?: string };

// The report filters arrive from the address bar. Unlike the task list (which drops
// malformed filters), a report prints figures, so a bad period or client is refused with
// a message rather than silently replaced by something else. `now` fixes "this month";
// `clientIds` are the clients whose tasks the person sees.
export function deskReportFiltersSchema(now: Date, clientIds: readonly string[]) {
  const thisMonth = monthOf(now);
  return z
    .object({
      from: optionalMonth,
      to: optionalMonth,
      client: blankAsMissing.pipe(
        z
          .string()
          .refine((id) => clientIds.includes(id), "Choose one of your clients")
          .optional(),
      ),
    })
    .transform(({ from, to, client }): TDeskReportFilters => {
      const end = to ?? thisMonth;
      return { from: from ?? addMonths(end, 1 - DEFAULT_REPORT_MONTHS), to: end, client };
    })
    .superRefine((filters, ctx) => {
      const span = monthSpan(filters.from, filters.to);
      if (span < 1)
        ctx.addIssue({ code: "custom", path: ["to"], message: "The last month cannot be before the first month" });
      else if (span > MAX_REPORT_MONTHS)
        ctx.addIssue({ code: "custom", path: ["from"], message: `Choose at most ${MAX_REPORT_MONTHS} months` });
    });
}
