import { notFound } from "next/navigation";
import { ProblemPage } from "@/components/ui/problem-page";
import { formatDayIn } from "@/components/ui/format";
import { VisitTime } from "@/components/ui/visit-time";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { getPortalWorkOrder } from "@/lib/portal/get-portal-work-order";
import { resolvePortalLink } from "@/lib/portal/resolve-portal-link";
import { portalStatus } from "@/lib/portal/portal-status";

export const dynamic = "force-dynamic";
export const metadata = { title: "Work order progress · Fieldgate", referrer: "no-referrer", robots: { index: false } };

// A customer's view of one work order through an expiring link; it shows nothing else.
export default async function PortalPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let view;
  try {
    view = await getPortalWorkOrder(await resolvePortalLink(token, await currentRequestMeta()));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // An unknown token answers 404 (./not-found.tsx); an expired one says so.
    if (error.code !== "LINK_EXPIRED") notFound();
    return (
      <ProblemPage title={error.message}>
        <p>Ask the person who sent it for a new link.</p>
      </ProblemPage>
    );
  }
  const { workOrder, assignment, contact } = view;
  const status = portalStatus(workOrder.status, assignment?.status ?? null);
  const siteZone = workOrder.site.timezone ?? workOrder.organisation.timezone;
  const clock = await readReaderClock(siteZone);
  return (
    <div className="page-narrow">
      <section className="card">
        <p className="muted">{workOrder.organisation.name}</p>
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
          <dt>Visit</dt>
          <dd>
            <VisitTime
              at={assignment?.scheduledAt ?? assignment?.plannedAt}
              zone={siteZone}
              readerZone={clock.readerZone}
            />
          </dd>
        </dl>
        {workOrder.description && <p className="prewrap">{workOrder.description}</p>}
      </section>
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
