import { FileInput } from "@/components/ui/file-input";
import { SiteWorkPanel } from "@/components/work-orders/site-work-panel";
import { getSiteWork } from "@/lib/work-orders/get-site-work";
import { SiteDetails } from "@/components/work-orders/site-details";
import { notFound } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatMoney } from "@/lib/money/format-money";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { OccurrenceField } from "@/components/ui/occurrence-field";
import { VisitTime } from "@/components/ui/visit-time";
import { formatInZone, zoneName } from "@/lib/time/zones";
import { StatusBadge } from "@/components/ui/status-badge";
import { RecordHeader } from "@/components/ui/record-header";
import { DueDate } from "@/components/ui/due-date";
import { isPastDue } from "@/lib/time/past-due";
import { getDeskTask } from "@/lib/assignments/get-desk-task";
import { canAssignTechnicians, canTransition } from "@/lib/assignments/status-machine";
import { priorityWords, taskStatusWords } from "@/lib/statuses/status-words";
import { requireDeskActor } from "@/lib/auth/session";
import { describeProblem } from "@/lib/contractors/accreditation-status";
import { AppError } from "@/lib/errors";
import { MessageThread } from "@/components/messages/message-thread";
import { listMessages } from "@/lib/messages/list-messages";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { listTaskAttachments } from "@/lib/attachments/list-attachments";
import {
  uploadTaskDocumentAction,
  postDeskMessageAction,
  acceptTaskAction,
  assignTechniciansAction,
  completeTaskAction,
  declineTaskAction,
  scheduleTaskAction,
  recordCostAction,
  recordTimeAction,
  createInvoiceAction,
  requestNteIncreaseAction,
  requestEvidencePackAction,
} from "../../actions";
import Link from "next/link";
import { DialogButton } from "@/components/ui/dialog";
import { Timeline } from "@/components/timeline";
import { listTaskHistory } from "@/lib/assignments/list-task-history";
import { WorkTimePanel } from "@/components/work-time/work-time-panel";
import { deskCan } from "@/lib/authz/permissions";
import { listWorkTime } from "@/lib/work-time/list-work-time";
import { ApprovedEstimate } from "@/components/estimates/approved-estimate";
import { listApprovedEstimateLines } from "@/lib/estimates/list-approved-estimate-lines";
import { WorkInvoices } from "@/components/invoices/work-invoices";
import { NteIncreasePanel } from "@/components/nte-increases/nte-increase-panel";
import { listWorkInvoices } from "@/lib/invoices/list-work-invoices";
import { listNteIncreases } from "@/lib/nte-increases/list-nte-increases";
import { DocumentsPanel } from "@/components/evidence-packs/documents-panel";
import { listEvidencePacks } from "@/lib/evidence-packs/list-evidence-packs";

export const metadata = { title: "Task · Fieldgate Desk" };

export default async function DeskTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireDeskActor(`/desk/tasks/${id}`);
  const task = await getDeskTask(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { workOrder } = task;
  const assigned = new Set(task.technicians.map((t) => t.personId));
  const canInvoice = deskCan(actor, "invoice.write", task.contractorCompanyId);
  const [invoices, nteRequests] = deskCan(actor, "invoice.read", task.contractorCompanyId)
    ? await Promise.all([
        listWorkInvoices(actor, { assignmentId: task.id }),
        listNteIncreases(actor, { assignmentId: task.id }),
      ])
    : [null, null];
  const packs = await listEvidencePacks(actor, { assignmentId: task.id });
  const [messages, attachments, siteWork, clock, history, estimate, work] = await Promise.all([
    listMessages(actor, task.id),
    listTaskAttachments(actor, task),
    getSiteWork(actor, { assignmentId: task.id }),
    readReaderClock(task.timeZone),
    listTaskHistory(actor, task.id),
    listApprovedEstimateLines(actor, task.workOrderId, task.organisation.currency),
    listWorkTime(actor, task.id),
  ]);
  const canRecordWork =
    !["OFFERED", "DECLINED", "INVOICED"].includes(task.status) &&
    deskCan(actor, "time.record", task.contractorCompanyId);
  // Who can have worked on it: the task's technicians first, then the company's others, and the person at the desk.
  const company = actor.companies.find((c) => c.companyId === task.contractorCompanyId);
  const people = [
    ...task.technicians.map((t) => ({ id: t.personId, name: t.person.user.name })),
    ...task.availableTechnicians.filter((p) => !assigned.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
    ...(company && !assigned.has(company.personId) && !task.availableTechnicians.some((p) => p.id === company.personId)
      ? [{ id: company.personId, name: actor.name }]
      : []),
  ];
  // The work is still to be done here: the office may record it as done when its people
  // do not use the technician app. Once performed, "Mark complete" is the next step.
  const canRecordDone = task.status !== "PERFORMED" && canTransition(task.status, "complete", "desk");
  const canMarkComplete = task.status === "PERFORMED";
  const canUpload = !["CANCELLED", "DECLINED"].includes(task.status);
  const canAssign = canAssignTechnicians(task.status);

  return (
    <>
      <Link href="/desk" className="back-link">
        ← Tasks
      </Link>
      <RecordHeader
        eyebrow={`${task.organisation.name} · work order #${workOrder.number}`}
        title={workOrder.title}
        status={taskStatusWords(task.status)}
        detail={
          task.technicians.length
            ? `Technicians: ${task.technicians.map((t) => t.person.user.name).join(", ")}`
            : canAssign
              ? "No technician yet"
              : undefined
        }
        facts={[
          { label: "Site", value: `${workOrder.site.name}, ${workOrder.site.city}` },
          {
            label: "Due",
            value: (
              <DueDate
                day={workOrder.dueAt}
                overdue={
                  ["OFFERED", "ACCEPTED", "SCHEDULED", "IN_PROGRESS", "REVISIT", "PERFORMED"].includes(task.status) &&
                  isPastDue(workOrder.dueAt, task.organisation.timezone, new Date())
                }
              />
            ),
          },
          { label: "Priority", value: <StatusBadge words={priorityWords(workOrder.priority)} /> },
          {
            label: "Visit",
            value: (
              <VisitTime at={task.scheduledAt ?? task.plannedAt} zone={task.timeZone} readerZone={clock.readerZone} />
            ),
          },
          { label: "Not to exceed", value: formatMoney(workOrder.notToExceed, task.organisation.currency) },
        ]}
      />
      {task.status === "OFFERED" && (
        <section className="card decision" aria-label="Accept or decline">
          <h2>Accept or decline</h2>
          <ActionForm action={acceptTaskAction} testId="accept-form">
            <input type="hidden" name="assignmentId" value={task.id} />
            <Field
              name="plannedAt"
              label="Visit date (optional)"
              hint={`In ${zoneName(task.timeZone)}, the site's time zone. You can schedule it later.`}
            >
              <input id="plannedAt" name="plannedAt" type="datetime-local" />
            </Field>
            <OccurrenceField id="plannedAt-occurrence" timeInputId="plannedAt" zones={[task.timeZone]} />
            <SubmitButton>Accept task</SubmitButton>
          </ActionForm>
          <DialogButton label="Decline…" title="Decline this task?" variant="danger">
            <p className="muted">{task.organisation.name} is emailed your reason and can offer the work elsewhere.</p>
            <ActionForm
              action={declineTaskAction}
              testId="decline-form"
              toast="Task declined; the client has been told."
            >
              <input type="hidden" name="assignmentId" value={task.id} />
              <Field name="reason" label="Reason for declining">
                <textarea id="reason" name="reason" rows={2} />
              </Field>
              <SubmitButton variant="danger">Decline task</SubmitButton>
            </ActionForm>
          </DialogButton>
        </section>
      )}
      <div className="two-columns">
        <section className="card">
          <dl className="details">
            <SiteDetails workOrder={workOrder} />
            <dt>On site</dt>
            <dd>
              <VisitTime
                at={task.actualOnSiteAt ?? task.checkedInAt}
                zone={task.timeZone}
                readerZone={clock.readerZone}
              />
              {!task.actualOnSiteAt && task.checkedInAt && (
                <span className="muted"> (the technician&apos;s check-in)</span>
              )}
            </dd>
            <dt>Purchase order</dt>
            <dd>{workOrder.purchaseOrder ?? "—"}</dd>
          </dl>
          {workOrder.description && <p className="prewrap">{workOrder.description}</p>}
        </section>
        <ApprovedEstimate estimate={estimate} currency={task.organisation.currency} />
        {invoices && (
          <WorkInvoices
            invoices={invoices}
            basePath="/desk/invoices"
            empty="An invoice is drafted from the time and costs recorded when you complete the task."
          >
            {canInvoice && !["OFFERED", "DECLINED"].includes(task.status) && (
              <details>
                <summary>Write an invoice by hand</summary>
                <ActionForm
                  action={createInvoiceAction}
                  successMessage="Invoice created: open it above to add its lines."
                  testId="manual-invoice-form"
                >
                  <input type="hidden" name="assignmentId" value={task.id} />
                  <Field
                    name="number"
                    label="Invoice number (optional)"
                    hint="Empty: your company's next number"
                    inputId="invoice-number"
                  >
                    <input id="invoice-number" name="number" />
                  </Field>
                  <SubmitButton variant="secondary">Create invoice</SubmitButton>
                </ActionForm>
              </details>
            )}
          </WorkInvoices>
        )}
        {nteRequests && (
          <NteIncreasePanel
            requests={nteRequests}
            currency={task.organisation.currency}
            ask={
              canInvoice && !["OFFERED", "DECLINED", "CANCELLED", "INVOICED"].includes(task.status)
                ? { assignmentId: task.id, action: requestNteIncreaseAction }
                : undefined
            }
          />
        )}
        <section className="card">
          {task.status === "DECLINED" && <p>You declined this task: “{task.declineReason}”.</p>}
          {task.status === "CANCELLED" && <p>The client withdrew this task. It stays here for your records.</p>}
          {canTransition(task.status, "schedule", "desk") && (
            <ActionForm action={scheduleTaskAction} successMessage="Visit scheduled." testId="schedule-form">
              <input type="hidden" name="assignmentId" value={task.id} />
              <Field
                name="scheduledAt"
                label="Scheduled visit"
                hint={`In ${zoneName(task.timeZone)}, the site's time zone.`}
              >
                <input id="scheduledAt" name="scheduledAt" type="datetime-local" />
              </Field>
              <OccurrenceField id="scheduledAt-occurrence" timeInputId="scheduledAt" zones={[task.timeZone]} />
              <SubmitButton variant="secondary">Schedule</SubmitButton>
            </ActionForm>
          )}
          {task.status === "IN_PROGRESS" && (
            <p className="alert alert-info">
              Your technician is on site. The task moves on when they record the work as performed in their app.
            </p>
          )}
          {canMarkComplete && (
            <>
              <h2>Complete the task</h2>
              <p className="muted">
                The work has been performed. Upload the report or certificate the client needs, then mark it complete:
                the client reviews it next.
              </p>
              <CompleteForm
                taskId={task.id}
                timeZone={task.timeZone}
                onSite={task.actualOnSiteAt ?? task.checkedInAt}
                button="Mark complete"
              />
            </>
          )}
          {canRecordDone && (
            <details>
              <summary>Record the work as done (without the technician app)</summary>
              <CompleteForm
                taskId={task.id}
                timeZone={task.timeZone}
                onSite={task.actualOnSiteAt ?? task.checkedInAt}
                button="Record as done"
              />
            </details>
          )}
          <h2>Technicians</h2>
          {task.technicians.length > 0 ? (
            <ul>
              {task.technicians.map((t) => (
                <li key={t.personId}>{t.person.user.name}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">None assigned yet.</p>
          )}
          {canAssign && (
            <ActionForm
              action={assignTechniciansAction}
              successMessage="Technicians assigned and emailed."
              testId="technicians-form"
            >
              <input type="hidden" name="assignmentId" value={task.id} />
              <fieldset className="field">
                <legend>Assign technicians</legend>
                {task.availableTechnicians
                  .filter((t) => !assigned.has(t.id))
                  .map((t) => (
                    <label key={t.id} className="checkbox">
                      <input type="checkbox" name="personIds" value={t.id} /> {t.name}
                      {t.problems.length > 0 && (
                        <span className="flag"> ⚠ {t.problems.map(describeProblem).join("; ")}</span>
                      )}
                    </label>
                  ))}
              </fieldset>
              <Field name="personIds" label="">
                <span />
              </Field>
              <SubmitButton>Assign</SubmitButton>
            </ActionForm>
          )}
        </section>
      </div>
      <section className="card" aria-label="Documents">
        <h2>Documents</h2>
        <AttachmentList attachments={attachments} clock={clock} />
        {canUpload && (
          <ActionForm action={uploadTaskDocumentAction} successMessage="Document uploaded." testId="task-document-form">
            <input type="hidden" name="assignmentId" value={task.id} />
            <Field name="kind" label="Document type" inputId="document-kind">
              <select id="document-kind" name="kind" defaultValue="">
                <option value="">Choose…</option>
                <option value="REPORT">Report</option>
                <option value="INVOICE">Invoice</option>
                <option value="QUOTE">Quote</option>
                <option value="OTHER">Other</option>
              </select>
            </Field>
            <Field name="file" label="File (PDF, photo, Word, Excel, text; up to 25 MB)" inputId="task-document">
              <FileInput id="task-document" name="file" />
            </Field>
            <SubmitButton variant="secondary">Upload</SubmitButton>
          </ActionForm>
        )}
      </section>
      {siteWork && (siteWork.serviceTasks.length > 0 || siteWork.visits.length > 0) && (
        <section className="card" aria-label="Work on site">
          <h2>Procedure and work on site</h2>
          <SiteWorkPanel work={siteWork} siteZone={task.timeZone} clock={clock} />
        </section>
      )}
      {work && (
        <WorkTimePanel
          assignmentId={task.id}
          work={work}
          clock={clock}
          siteZone={task.timeZone}
          record={canRecordWork ? { people, time: recordTimeAction, cost: recordCostAction } : undefined}
        />
      )}
      <DocumentsPanel
        links={[
          { href: `/api/desk/tasks/${task.id}/work-order-pdf`, label: "Work order (PDF)" },
          { href: `/api/desk/tasks/${task.id}/service-report-pdf`, label: "Service report (PDF)" },
        ]}
        packs={packs}
        request={{ action: requestEvidencePackAction, field: "assignmentId", value: task.id }}
        downloadBase="/api/desk/evidence-packs"
        clock={clock}
      />
      <MessageThread messages={messages} assignmentId={task.id} post={postDeskMessageAction} canPost clock={clock} />
      <section className="card" aria-label="Timeline">
        <h2>Timeline</h2>
        <Timeline events={history} clock={clock} />
      </section>
    </>
  );
}

// The time on site starts as the technician's first check-in, on the site's clock; the
// office changes it only if it was otherwise.
function CompleteForm({
  taskId,
  timeZone,
  onSite,
  button,
}: {
  taskId: string;
  timeZone: string;
  onSite: Date | null;
  button: string;
}) {
  return (
    <ActionForm action={completeTaskAction} testId="complete-form">
      <input type="hidden" name="assignmentId" value={taskId} />
      <Field
        name="actualOnSiteAt"
        label="When were you on site?"
        hint={`In ${zoneName(timeZone)}, the site's time zone.${onSite ? " Filled in from the technician's check-in." : ""}`}
      >
        <input
          id="actualOnSiteAt"
          name="actualOnSiteAt"
          type="datetime-local"
          defaultValue={onSite ? formatInZone(onSite, timeZone, "yyyy-MM-dd'T'HH:mm") : undefined}
        />
      </Field>
      <OccurrenceField id="actualOnSiteAt-occurrence" timeInputId="actualOnSiteAt" zones={[timeZone]} />
      <SubmitButton>{button}</SubmitButton>
    </ActionForm>
  );
}
