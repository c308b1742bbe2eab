import { z } from "zod";
import { DeskReportFilters } from "@/components/reports/desk-report-filters";
import { DeskStatusReport } from "@/components/reports/desk-status-report";
import { DeskSummaryReport } from "@/components/reports/desk-summary-report";
import { formatStamp } from "@/components/ui/format";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { PrintButton } from "@/components/ui/print-button";
import { listDeskClients } from "@/lib/assignments/list-desk-tasks";
import { requireDeskActor } from "@/lib/auth/session";
import { getDeskStatusReport } from "@/lib/reports/get-desk-status-report";
import { getDeskSummaryReport } from "@/lib/reports/get-desk-summary-report";
import { deskReportFiltersSchema } from "@/lib/reports/schemas";

export const metadata = { title: "Reports · Fieldgate Desk" };

const asText = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function DeskReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireDeskActor("/desk/reports");
  const query = await searchParams;
  const now = new Date();
  const [clients, clock] = await Promise.all([listDeskClients(actor), readReaderClock("UTC")]);
  const parsed = deskReportFiltersSchema(
    now,
    clients.map((c) => c.id),
  ).safeParse(query);
  const header = (subtitle: string) => (
    <header className="page-header">
      <div>
        <h1>Reports</h1>
        <p className="muted">
          {actor.companies.map((c) => c.companyName).join(", ")} · {subtitle} · prepared {formatStamp(now, clock)}
        </p>
      </div>
      <PrintButton />
    </header>
  );

  if (!parsed.success) {
    return (
      <div className="report-page">
        {header("filters need correcting")}
        <DeskReportFilters
          values={{ from: asText(query.from), to: asText(query.to), client: asText(query.client) }}
          errors={z.flattenError(parsed.error).fieldErrors}
          clients={clients}
        />
        <p role="alert" className="alert alert-error">
          Correct the highlighted filters to see the reports.
        </p>
      </div>
    );
  }

  const filters = parsed.data;
  const [summary, status] = await Promise.all([
    getDeskSummaryReport(actor, filters),
    getDeskStatusReport(actor, filters, now),
  ]);
  return (
    <div className="report-page">
      {header(clients.find((c) => c.id === filters.client)?.name ?? "all clients")}
      <DeskReportFilters values={filters} clients={clients} />
      <nav className="report-sections no-print" aria-label="Reports">
        <a href="#summary">Summary</a>
        <a href="#status">Status of open tasks</a>
      </nav>
      <DeskSummaryReport report={summary} />
      <DeskStatusReport report={status} clock={clock} />
    </div>
  );
}
