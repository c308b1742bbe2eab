import { FileInput } from "@/components/ui/file-input";
import { SiteDetails } from "@/components/work-orders/site-details";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Timeline } from "@/components/timeline";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { MessageThread } from "@/components/messages/message-thread";
import { listWorkOrderAttachments } from "@/lib/attachments/list-attachments";
import { ContractorPanel, ReviewDecision } from "@/components/work-orders/contractor-panel";
import { RecordHeader } from "@/components/ui/record-header";
import { DueDate } from "@/components/ui/due-date";
import { VisitTime } from "@/components/ui/visit-time";
import { isPastDue } from "@/lib/time/past-due";
import { LiveUpdates } from "@/components/work-orders/live-updates";
import { listMessages } from "@/lib/messages/list-messages";
import { formatStamp } from "@/components/ui/format";
import { formatMoney } from "@/lib/money/format-money";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { StatusBadge } from "@/components/ui/status-badge";
import { canTransition, LIVE_STATUSES } from "@/lib/assignments/status-machine";
import { contractorProgress, priorityWords, workOrderStatusWords } from "@/lib/statuses/status-words";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { listNetworkContractors } from "@/lib/contractors/list-network-contractors";
import { AppError } from "@/lib/errors";
import { getSiteWork } from "@/lib/work-orders/get-site-work";
import { getWorkOrder } from "@/lib/work-orders/get-work-order";
import { SiteWorkPanel } from "@/components/work-orders/site-work-panel";
import { EstimatePanel } from "@/components/estimates/estimate-panel";
import { listEstimateLines } from "@/lib/estimates/list-estimate-lines";
import { WorkTimePanel } from "@/components/work-time/work-time-panel";
import { listWorkTime } from "@/lib/work-time/list-work-time";
import { WorkInvoices } from "@/components/invoices/work-invoices";
import { NteIncreasePanel } from "@/components/nte-increases/nte-increase-panel";
import { listWorkInvoices } from "@/lib/invoices/list-work-invoices";
import { listNteIncreases } from "@/lib/nte-increases/list-nte-increases";
import { DocumentsPanel } from "@/components/evidence-packs/documents-panel";
import { listEvidencePacks } from "@/lib/evidence-packs/list-evidence-packs";
import {
  addEstimateLineAction,
  addServiceTaskAction,
  approveEstimateAction,
  decideNteIncreaseAction,
  requestEvidencePackAction,
  postStaffMessageAction,
  removeEstimateLineAction,
  sendPortalLinkAction,
  uploadClientDocumentAction,
} from "../../actions";

export const metadata = { title: "Work order · Fieldgate" };

export default async function WorkOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffActor(`/staff/work-orders/${id}`);
  const workOrder = await getWorkOrder(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const live = workOrder.assignments.find((a) => LIVE_STATUSES.includes(a.status));
  const contractors = await listNetworkContractors(actor, workOrder.category?.requiredAccreditations ?? []);
  const threadTask = live ?? workOrder.assignments[0];
  const [messages, work] = threadTask
    ? await Promise.all([listMessages(actor, threadTask.id), listWorkTime(actor, threadTask.id)])
    : [[], null];
  const [invoices, nteRequests, packs] = await Promise.all([
    listWorkInvoices(actor, { workOrderId: workOrder.id }),
    listNteIncreases(actor, { workOrderId: workOrder.id }),
    listEvidencePacks(actor, { workOrderId: workOrder.id }),
  ]);
  const [attachments, siteWork, clock, estimate] = await Promise.all([
    listWorkOrderAttachments(actor, workOrder.id),
    getSiteWork(actor, { workOrderId: workOrder.id }),
    readReaderClock(actor.organisationTimeZone),
    listEstimateLines(actor, workOrder.id),
  ]);
  const siteZone = workOrder.site.timezone ?? actor.organisationTimeZone;

  return (
    <>
      <RecordHeader
        eyebrow={`Work order #${workOrder.number}`}
        title={workOrder.title}
        status={workOrderStatusWords(workOrder.status)}
        detail={live ? `${live.contractorCompany.name}: ${contractorProgress(live.status)}` : "No contractor yet"}
        facts={[
          { label: "Site", value: `${workOrder.site.name}, ${workOrder.site.city}` },
          {
            label: "Due",
            value: (
              <DueDate
                day={workOrder.dueAt}
                overdue={
                  !["COMPLETED", "CANCELLED"].includes(workOrder.status) &&
                  isPastDue(workOrder.dueAt, actor.organisationTimeZone, new Date())
                }
              />
            ),
          },
          { label: "Priority", value: <StatusBadge words={priorityWords(workOrder.priority)} /> },
          {
            label: "Visit",
            value: (
              <VisitTime at={live?.scheduledAt ?? live?.plannedAt} zone={siteZone} readerZone={clock.readerZone} />
            ),
          },
          { label: "Not to exceed", value: formatMoney(workOrder.notToExceed, actor.organisationCurrency) },
        ]}
        actions={
          <>
            {staffCan(actor, "workOrder.write") && !workOrder.archivedAt && (
              <Link className="button button-secondary" href={`/staff/work-orders/${workOrder.id}/edit`}>
                Edit
              </Link>
            )}
            <LiveUpdates url={`/api/staff/work-orders/${workOrder.id}/events`} />
          </>
        }
      />
      {live && staffCan(actor, "workOrder.assign") && canTransition(live.status, "review", "staff") && (
        <ReviewDecision assignmentId={live.id} contractor={live.contractorCompany.name} />
      )}
      <div className="two-columns">
        <section className="card">
          <dl className="details">
            <SiteDetails workOrder={workOrder} />
            <dt>Trade</dt>
            <dd>{workOrder.category?.name ?? "—"}</dd>
            <dt>SLA due</dt>
            <dd>{formatStamp(workOrder.slaDueAt, clock)}</dd>
            <dt>Purchase order</dt>
            <dd>{workOrder.purchaseOrder ?? "—"}</dd>
            <dt>Created</dt>
            <dd>
              {formatStamp(workOrder.createdAt, clock)} by {workOrder.createdBy?.name ?? "—"}
            </dd>
          </dl>
          {workOrder.description && <p className="prewrap">{workOrder.description}</p>}
          {workOrder.internalNotes && (
            <p className="muted prewrap">
              <strong>Internal notes:</strong> {workOrder.internalNotes}
            </p>
          )}
        </section>
        <section className="card">
          <h2>Contractor</h2>
          <ContractorPanel
            workOrder={workOrder}
            live={live}
            contractors={contractors}
            canAssign={staffCan(actor, "workOrder.assign")}
            siteZone={siteZone}
            clock={clock}
          />
          {workOrder.assignments
            .filter((a) => a !== live)
            .map((a) => (
              <p key={a.id} className="muted">
                Earlier: {a.contractorCompany.name}: {contractorProgress(a.status)}
                {a.declineReason ? ` (“${a.declineReason}”)` : ""}
              </p>
            ))}
          {staffCan(actor, "portal.send") && (
            <details>
              <summary>Share progress with a customer</summary>
              <ActionForm action={sendPortalLinkAction} successMessage="Link sent." testId="portal-form">
                <input type="hidden" name="workOrderId" value={workOrder.id} />
                <Field name="email" label="Customer email" inputId="portal-email">
                  <input id="portal-email" name="email" type="email" />
                </Field>
                <Field name="expiresInHours" label="Link expires after (hours)">
                  <input id="expiresInHours" name="expiresInHours" type="number" defaultValue={48} min={1} max={720} />
                </Field>
                <SubmitButton variant="secondary">Send link</SubmitButton>
              </ActionForm>
            </details>
          )}
        </section>
      </div>
      <EstimatePanel
        workOrderId={workOrder.id}
        estimate={estimate}
        currency={actor.organisationCurrency}
        defaultTaxPercent={estimate.defaultTaxPercent}
        canWrite={staffCan(actor, "estimate.write") && !workOrder.archivedAt}
        canApprove={staffCan(actor, "estimate.approve") && !workOrder.archivedAt}
        actions={{ add: addEstimateLineAction, remove: removeEstimateLineAction, approve: approveEstimateAction }}
      />
      <NteIncreasePanel
        requests={nteRequests}
        currency={actor.organisationCurrency}
        decide={staffCan(actor, "estimate.approve") ? decideNteIncreaseAction : undefined}
      />
      {threadTask && (
        <WorkInvoices
          invoices={invoices}
          basePath="/staff/invoices"
          empty="No invoice submitted yet: the contractor's is checked against the estimate and the work recorded."
        />
      )}
      {threadTask && work && (
        <WorkTimePanel assignmentId={threadTask.id} work={work} clock={clock} siteZone={siteZone} />
      )}
      <DocumentsPanel
        links={[
          {
            href: `/api/staff/work-orders/${workOrder.id}/work-order-pdf`,
            label: "Work order for the contractor (PDF)",
          },
          { href: `/api/staff/work-orders/${workOrder.id}/service-report-pdf`, label: "Service report (PDF)" },
        ]}
        packs={packs}
        request={{ action: requestEvidencePackAction, field: "workOrderId", value: workOrder.id }}
        downloadBase="/api/staff/evidence-packs"
        clock={clock}
      />
      <section className="card" aria-label="Documents">
        <h2>Documents</h2>
        <AttachmentList attachments={attachments} clock={clock} />
        {staffCan(actor, "workOrder.write") && (
          <ActionForm
            action={uploadClientDocumentAction}
            successMessage="Document added; the contractor can read it."
            testId="client-document-form"
          >
            <input type="hidden" name="workOrderId" value={workOrder.id} />
            <Field
              name="file"
              label="Add a document for the contractor (PDF, photo, Word, Excel, text; up to 25 MB)"
              inputId="client-document"
            >
              <FileInput id="client-document" name="file" />
            </Field>
            <SubmitButton variant="secondary">Upload</SubmitButton>
          </ActionForm>
        )}
      </section>
      <section className="card" aria-label="Work on site">
        <h2>Procedure and work on site</h2>
        {siteWork && <SiteWorkPanel work={siteWork} siteZone={siteZone} clock={clock} />}
        {staffCan(actor, "workOrder.write") && !workOrder.archivedAt && (
          <details>
            <summary>Add a step for the technician</summary>
            <ActionForm
              action={addServiceTaskAction}
              successMessage="Step added; the technician's app picks it up at its next sync."
              testId="service-task-form"
            >
              <input type="hidden" name="workOrderId" value={workOrder.id} />
              <Field name="title" label="Step" inputId="step-title">
                <input id="step-title" name="title" placeholder="Burner pressure" />
              </Field>
              <Field name="kind" label="The technician records" inputId="step-kind">
                <select id="step-kind" name="kind" defaultValue="CHECK">
                  <option value="CHECK">Pass / fail / n.a.</option>
                  <option value="READING">A reading</option>
                  <option value="TEXT">A text answer</option>
                  <option value="PHOTO">A photo</option>
                </select>
              </Field>
              <Field name="unit" label="Unit (readings)" inputId="step-unit">
                <input id="step-unit" name="unit" placeholder="mbar" />
              </Field>
              <Field name="minValue" label="Lowest allowed (readings, optional)" inputId="step-min">
                <input id="step-min" name="minValue" inputMode="decimal" />
              </Field>
              <Field name="maxValue" label="Highest allowed (readings, optional)" inputId="step-max">
                <input id="step-max" name="maxValue" inputMode="decimal" />
              </Field>
              <label className="checkbox">
                <input type="checkbox" name="photoRequired" /> A photo is required
              </label>
              <SubmitButton variant="secondary">Add step</SubmitButton>
            </ActionForm>
          </details>
        )}
      </section>
      {threadTask && (
        <MessageThread
          messages={messages}
          assignmentId={threadTask.id}
          post={postStaffMessageAction}
          canPost={staffCan(actor, "workOrder.write")}
          clock={clock}
        />
      )}
      <section className="card">
        <h2>Timeline</h2>
        <Timeline events={workOrder.timeline} clock={clock} />
      </section>
    </>
  );
}
