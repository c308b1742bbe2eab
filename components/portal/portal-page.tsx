import { formatDayIn } from "@/components/ui/format";
import { VisitTime } from "@/components/ui/visit-time";
import { LiveUpdates } from "@/components/work-orders/live-updates";
import type { TPortalView } from "@/lib/portal/get-portal-view";
import { portalStatus } from "@/lib/portal/portal-status";
import { PORTAL_VIEW_WORDS } from "@/lib/portal/views";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { CustomerEstimate } from "./customer-estimate";
import { CustomerProgress } from "./customer-progress";
import { CustomerInvoiceView } from "@/components/customer-invoices/customer-invoice-view";

type TEstimateActions = Parameters<typeof CustomerEstimate>[0]["actions"];

// One link's page: the work order's heading, then its one view. Staff previews render the
// same page without a token: nothing to press, nothing live.
export function PortalPage({
  page,
  clock,
  token,
  actions,
}: {
  page: TPortalView;
  clock: TReaderClock;
  // Absent in a staff preview.
  token?: string;
  actions?: TEstimateActions;
}) {
  const { workOrder, assignment, contact } = page;
  const status = portalStatus(workOrder.status, assignment?.status ?? null);
  const siteZone = workOrder.site.timezone ?? workOrder.organisation.timezone;
  return (
    <div className="page-narrow portal-page">
      <section className="card">
        <p className="muted">
          {workOrder.organisation.name} · {PORTAL_VIEW_WORDS[page.view].label}
        </p>
        <h1>
          #{workOrder.number} {workOrder.title}
        </h1>
        <p
          className={`portal-status alert alert-${status.tone === "neutral" ? "info" : status.tone}`}
          data-testid="portal-status"
        >
          {status.headline}
        </p>
        <dl className="details">
          <dt>Site</dt>
          <dd>
            {workOrder.site.name}, {workOrder.site.city}
          </dd>
          <dt>Reported</dt>
          <dd>{formatDayIn(workOrder.createdAt, clock.zone)}</dd>
          <dt>Contractor</dt>
          <dd>{assignment ? assignment.contractorCompany.name : "Not yet chosen"}</dd>
          <dt>Next visit</dt>
          <dd data-testid="next-visit">
            <VisitTime
              at={assignment?.scheduledAt ?? assignment?.plannedAt}
              zone={siteZone}
              readerZone={clock.readerZone}
            />
          </dd>
        </dl>
        {workOrder.description && <p className="prewrap">{workOrder.description}</p>}
        {page.view === "progress" && token && <LiveUpdates url={`/l/${token}/events`} />}
      </section>
      {"estimate" in page && page.estimate && (
        <CustomerEstimate
          estimate={page.estimate}
          clock={clock}
          hidden={token ? { token } : {}}
          actions={token ? actions : undefined}
          pdfHref={token && page.view === "estimate" ? `/l/${token}/pdf` : undefined}
        />
      )}
      {"progress" in page && page.progress && <CustomerProgress hours={page.progress.hours} />}
      {"invoices" in page &&
        (page.invoices.length === 0 ? (
          <section className="card" aria-label="Invoice">
            <h2>Invoice</h2>
            <p className="muted">No invoice has been issued for this work yet.</p>
          </section>
        ) : (
          page.invoices.map((invoice) => (
            <CustomerInvoiceView
              key={invoice.id}
              invoice={invoice}
              zone={page.workOrder.organisation.timezone}
              pdfHref={token ? `/l/${token}/invoice/${invoice.number}` : undefined}
            />
          ))
        ))}
      <section className="card" aria-label="Contact">
        <h2>Questions about this work?</h2>
        {contact ? (
          <p>
            Contact {contact.name} at {workOrder.organisation.name}:{" "}
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </p>
        ) : (
          <p>Reply to the email that brought you this link; it reaches {workOrder.organisation.name}.</p>
        )}
      </section>
    </div>
  );
}
