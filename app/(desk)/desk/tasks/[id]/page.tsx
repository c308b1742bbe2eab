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
import { describeComplianceProblems } from "@/lib/compliance/describe-compliance";
import { AppError } from "@/lib/errors";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { RecordBody, SideSection, pickRecordTab, type TRecordTab } from "@/components/ui/record-body";
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
  bookVisitAction,
  recordCostAction,
  recordTimeAction,
  replyToLineCommentAction,
  proposeEstimateLineAction,
  createInvoiceAction,
  requestNteIncreaseAction,
  requestEvidencePackAction,
  removeTechnicianAction,
} from "../../actions";
import Link from "next/link";
import { DialogButton } from "@/components/ui/dialog";
import { listTaskHistory } from "@/lib/assignments/list-task-history";
import { WorkTimePanel } from "@/components/work-time/work-time-panel";
import { deskCan } from "@/lib/authz/permissions";
import { listWorkTime } from "@/lib/work-time/list-work-time";
import { ApprovedEstimate } from "@/components/estimates/approved-estimate";
import { listCustomerInvoices } from "@/lib/customer-invoices/list-customer-invoices";
import { ProposalPanel } from "@/components/estimates/proposal-panel";
import { listEstimateProposals } from "@/lib/estimates/estimate-proposals";
import { deskReaderActor } from "@/lib/portal/reader-actors";
import { listApprovedEstimateLines } from "@/lib/estimates/list-approved-estimate-lines";
import { WorkInvoices } from "@/components/invoices/work-invoices";
import { NteIncreasePanel } from "@/components/nte-increases/nte-increase-panel";
import { listWorkInvoices } from "@/lib/invoices/list-work-invoices";
import { listNteIncreases } from "@/lib/nte-increases/list-nte-increases";
import { DocumentsPanel } from "@/components/evidence-packs/documents-panel";
import { BookVisitForm, VisitLengthField } from "@/components/visits/book-visit-form";
import { VisitPlanPanel } from "@/components/visits/visit-plan-panel";
import { getVisitPlan, type TVisitPlan } from "@/lib/visits/get-visit-plan";
import { listEvidencePacks } from "@/lib/evidence-packs/list-evidence-packs";

export const metadata = { title: "Task · Fieldgate Desk" };

type TTab = "activity" | "details" | "money" | "documents";
const TABS: TRecordTab<TTab>[] = [
  { id: "activity", label: "Activity" },
  { id: "details", label: "Details" },
  { id: "money", label: "Money" },
  { id: "documents", label: "Documents" },
];
type TTask = Awaited<ReturnType<typeof getDeskTask>>;
type TActor = Awaited<ReturnType<typeof requireDeskActor>>;
type TClock = Awaited<ReturnType<typeof readReaderClock>>;

export default async function DeskTaskPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const tab = pickRecordTab((await searchParams).tab, TABS);
  const actor = await requireDeskActor(`/desk/tasks/${id}`);
  const task = await getDeskTask(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { workOrder } = task;
  const [clock, visitPlan] = await Promise.all([readReaderClock(task.timeZone), getVisitPlan(actor, task.id)]);
  const canAssign = canAssignTechnicians(task.status);
  const canPlan = deskCan(actor, "task.plan", task.contractorCompanyId);

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
      <Decision task={task} />
      <RecordBody
        basePath={`/desk/tasks/${task.id}`}
        label="Sections of this task"
        tabs={TABS}
        current={tab}
        side={
          <>
            <SideSection title="Site">
              <dl className="details details-stacked">
                <SiteDetails workOrder={workOrder} />
              </dl>
            </SideSection>
            <VisitSection task={task} clock={clock} canPlan={canPlan} plan={visitPlan} />
            <TechniciansSection task={task} canEdit={canPlan && canAssign} />
          </>
        }
      >
        {tab === "activity" && <ActivityTab task={task} actor={actor} clock={clock} />}
        {tab === "details" && <DetailsTab task={task} actor={actor} clock={clock} />}
        {tab === "money" && <MoneyTab task={task} actor={actor} clock={clock} />}
        {tab === "documents" && <DocumentsTab task={task} actor={actor} clock={clock} />}
      </RecordBody>
    </>
  );
}

// What the office has to decide now, above everything else: take the offered work or not,
// or, once the work is performed, hand it to the client.
function Decision({ task }: { task: TTask }) {
  if (task.status === "OFFERED")
    return (
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
          <ActionForm action={declineTaskAction} testId="decline-form" toast="Task declined; the client has been told.">
            <input type="hidden" name="assignmentId" value={task.id} />
            <Field name="reason" label="Reason for declining">
              <textarea id="reason" name="reason" rows={2} />
            </Field>
            <SubmitButton variant="danger">Decline task</SubmitButton>
          </ActionForm>
        </DialogButton>
      </section>
    );
  if (task.status === "PERFORMED")
    return (
      <section className="card decision" aria-label="Complete the task">
        <h2>Complete the task</h2>
        <p className="muted">
          The work has been performed. Upload the report or certificate the client needs (Documents), then mark it
          complete: the client reviews it next.
        </p>
        <CompleteForm
          taskId={task.id}
          timeZone={task.timeZone}
          onSite={task.actualOnSiteAt ?? task.checkedInAt}
          button="Mark complete"
        />
      </section>
    );
  if (task.status === "DECLINED")
    return <p className="alert alert-info">You declined this task: “{task.declineReason}”.</p>;
  if (task.status === "CANCELLED")
    return <p className="alert alert-info">The client withdrew this task. It stays here for your records.</p>;
  if (task.status === "IN_PROGRESS")
    return (
      <p className="alert alert-info">
        Your technician is on site. The task moves on when they record the work as performed in their app.
      </p>
    );
  return null;
}

function VisitSection({
  task,
  clock,
  canPlan,
  plan,
}: {
  task: TTask;
  clock: TClock;
  canPlan: boolean;
  plan: TVisitPlan | null;
}) {
  // The work is still to be done here: the office may record it as done when its people
  // do not use the technician app. Once performed, "Mark complete" is the decision above.
  const canRecordDone = task.status !== "PERFORMED" && canTransition(task.status, "complete", "desk");
  const visit = task.scheduledAt ?? task.plannedAt;
  return (
    <SideSection title="Visit">
      <dl className="details details-stacked">
        <dt>Scheduled</dt>
        <dd>
          <VisitTime at={visit} zone={task.timeZone} readerZone={clock.readerZone} />
        </dd>
        <dt>On site</dt>
        <dd>
          <VisitTime at={task.actualOnSiteAt ?? task.checkedInAt} zone={task.timeZone} readerZone={clock.readerZone} />
          {!task.actualOnSiteAt && task.checkedInAt && <span className="muted"> (the technician&apos;s check-in)</span>}
        </dd>
      </dl>
      {plan && (plan.tenant || plan.visits.length > 0) && <VisitPlanPanel plan={plan} />}
      <div className="button-row">
        {canPlan && canTransition(task.status, "schedule", "desk") && plan?.tenant && (
          <DialogButton label={task.scheduledAt ? "Move the visit…" : "Book the visit…"} title="Book the visit">
            <BookVisitForm
              taskId={task.id}
              zone={task.timeZone}
              windows={plan.tenant.windows}
              action={bookVisitAction}
            />
          </DialogButton>
        )}
        {canPlan && canTransition(task.status, "schedule", "desk") && !plan?.tenant && (
          <DialogButton label={task.scheduledAt ? "Reschedule…" : "Schedule…"} title="Schedule the visit">
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
              <VisitLengthField />
              <SubmitButton>Schedule</SubmitButton>
            </ActionForm>
          </DialogButton>
        )}
        {canRecordDone && (
          <DialogButton label="Record as done…" title="Record the work as done (without the technician app)">
            <CompleteForm
              taskId={task.id}
              timeZone={task.timeZone}
              onSite={task.actualOnSiteAt ?? task.checkedInAt}
              button="Record as done"
            />
          </DialogButton>
        )}
      </div>
    </SideSection>
  );
}

function TechniciansSection({ task, canEdit }: { task: TTask; canEdit: boolean }) {
  const assigned = new Set(task.technicians.map((t) => t.personId));
  const available = task.availableTechnicians.filter((t) => !assigned.has(t.id));
  return (
    <SideSection title="Technicians">
      {task.technicians.length > 0 ? (
        <ul className="people-list" data-testid="task-technicians">
          {task.technicians.map((t) => (
            <li key={t.personId}>
              <span>{t.person.user.name}</span>
              {canEdit && (
                <DialogButton
                  label="Remove…"
                  title={`Take ${t.person.user.name} off this task?`}
                  variant="ghost"
                  ariaLabel={`Remove ${t.person.user.name}`}
                >
                  <p className="muted">
                    They are emailed, and the task leaves their app at its next sync. Anything they recorded on it
                    before, even offline, still reaches you.
                  </p>
                  <ActionForm action={removeTechnicianAction} toast={`${t.person.user.name} taken off the task.`}>
                    <input type="hidden" name="assignmentId" value={task.id} />
                    <input type="hidden" name="personId" value={t.personId} />
                    <SubmitButton variant="danger">Take off the task</SubmitButton>
                  </ActionForm>
                </DialogButton>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None assigned yet.</p>
      )}
      {canEdit && available.length > 0 && (
        <ActionForm
          action={assignTechniciansAction}
          toast="Technicians assigned and emailed."
          testId="technicians-form"
        >
          <input type="hidden" name="assignmentId" value={task.id} />
          <fieldset className="field">
            <legend>Add technicians</legend>
            {available.map((t) => (
              <label key={t.id} className="checkbox">
                <input type="checkbox" name="personIds" value={t.id} /> {t.name}
                {t.problems.length > 0 && <span className="flag"> ⚠ {describeComplianceProblems(t.problems)}</span>}
              </label>
            ))}
          </fieldset>
          <Field name="personIds" label="">
            <span />
          </Field>
          <SubmitButton variant="secondary">Assign</SubmitButton>
        </ActionForm>
      )}
    </SideSection>
  );
}

async function ActivityTab({ task, actor, clock }: { task: TTask; actor: TActor; clock: TClock }) {
  const [history, messages] = await Promise.all([listTaskHistory(actor, task.id), listMessages(actor, task.id)]);
  return (
    <ActivityFeed
      events={history}
      messages={messages}
      composer={{ assignmentId: task.id, post: postDeskMessageAction }}
      clock={clock}
    />
  );
}

async function DetailsTab({ task, actor, clock }: { task: TTask; actor: TActor; clock: TClock }) {
  const { workOrder } = task;
  const siteWork = await getSiteWork(actor, { assignmentId: task.id });
  return (
    <>
      <section className="card" aria-label="Details">
        {workOrder.description && <p className="prewrap">{workOrder.description}</p>}
        <dl className="details">
          <dt>Purchase order</dt>
          <dd>{workOrder.purchaseOrder ?? "—"}</dd>
        </dl>
      </section>
      <section className="card" aria-label="Work on site">
        <h2>Procedure and work on site</h2>
        {siteWork && (siteWork.serviceTasks.length > 0 || siteWork.visits.length > 0) ? (
          <SiteWorkPanel work={siteWork} siteZone={task.timeZone} clock={clock} />
        ) : (
          <p className="muted">No procedure was set for this work, and nothing has been recorded on site yet.</p>
        )}
      </section>
    </>
  );
}

async function MoneyTab({ task, actor, clock }: { task: TTask; actor: TActor; clock: TClock }) {
  const canInvoice = deskCan(actor, "invoice.write", task.contractorCompanyId);
  const [invoices, nteRequests] = deskCan(actor, "invoice.read", task.contractorCompanyId)
    ? await Promise.all([
        listWorkInvoices(actor, { assignmentId: task.id }),
        listNteIncreases(actor, { assignmentId: task.id }),
      ])
    : [null, null];
  const [estimate, work, proposals] = await Promise.all([
    listApprovedEstimateLines(actor, task.workOrderId, task.organisation.currency),
    listWorkTime(actor, task.id),
    listEstimateProposals(actor, task.workOrderId),
  ]);
  const canPropose =
    deskCan(actor, "estimate.propose", task.contractorCompanyId) &&
    ["ACCEPTED", "SCHEDULED", "IN_PROGRESS", "REVISIT"].includes(task.status);
  const canRecordWork =
    !["OFFERED", "DECLINED", "INVOICED"].includes(task.status) &&
    deskCan(actor, "time.record", task.contractorCompanyId);
  // Who can have worked on it: the task's technicians first, then the company's others, and the person at the desk.
  const assigned = new Set(task.technicians.map((t) => t.personId));
  const company = actor.companies.find((c) => c.companyId === task.contractorCompanyId);
  const people = [
    ...task.technicians.map((t) => ({ id: t.personId, name: t.person.user.name })),
    ...task.availableTechnicians.filter((p) => !assigned.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
    ...(company && !assigned.has(company.personId) && !task.availableTechnicians.some((p) => p.id === company.personId)
      ? [{ id: company.personId, name: actor.name }]
      : []),
  ];
  return (
    <>
      <ApprovedEstimate
        estimate={estimate}
        currency={task.organisation.currency}
        clock={clock}
        reply={deskCan(actor, "estimate.comment", task.contractorCompanyId) ? replyToLineCommentAction : undefined}
      />
      <ProposalPanel
        proposals={proposals}
        currency={task.organisation.currency}
        propose={canPropose ? { action: proposeEstimateLineAction, assignmentId: task.id } : undefined}
        lines={estimate.lines.map((line) => ({ id: line.id, description: line.description }))}
      />
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
      {invoices && (
        <WorkInvoices
          invoices={invoices}
          basePath="/desk/invoices"
          empty="An invoice is drafted from the time and costs recorded when you complete the task."
        >
          {canInvoice && !["OFFERED", "DECLINED"].includes(task.status) && (
            <DialogButton label="Write an invoice by hand…" title="Write an invoice by hand">
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
                <SubmitButton>Create invoice</SubmitButton>
              </ActionForm>
            </DialogButton>
          )}
        </WorkInvoices>
      )}
      {work && (
        <WorkTimePanel
          assignmentId={task.id}
          work={work}
          clock={clock}
          siteZone={task.timeZone}
          record={
            canRecordWork
              ? {
                  people,
                  time: recordTimeAction,
                  cost: recordCostAction,
                  estimateLines: estimate.lines.map((line) => ({ id: line.id, description: line.description })),
                }
              : undefined
          }
        />
      )}
    </>
  );
}

async function DocumentsTab({ task, actor, clock }: { task: TTask; actor: TActor; clock: TClock }) {
  const [attachments, packs, customerInvoices] = await Promise.all([
    listTaskAttachments(actor, task),
    listEvidencePacks(actor, { assignmentId: task.id }),
    deskReaderActor(actor, task.id, "invoice").then((reader) => listCustomerInvoices(reader, reader.workOrderId)),
  ]);
  const canUpload = !["CANCELLED", "DECLINED"].includes(task.status);
  return (
    <>
      <section className="card" aria-label="Documents">
        <div className="card-heading">
          <h2>Documents</h2>
          {canUpload && (
            <DialogButton label="Upload a document…" title="Upload a document for the client">
              <ActionForm
                action={uploadTaskDocumentAction}
                successMessage="Document uploaded."
                testId="task-document-form"
              >
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
                <SubmitButton>Upload</SubmitButton>
              </ActionForm>
            </DialogButton>
          )}
        </div>
        <AttachmentList attachments={attachments} clock={clock} />
      </section>
      <DocumentsPanel
        links={[
          { href: `/api/desk/tasks/${task.id}/work-order-pdf`, label: "Work order (PDF)" },
          { href: `/api/desk/tasks/${task.id}/service-report-pdf`, label: "Service report (PDF)" },
          { href: `/api/desk/tasks/${task.id}/estimate-pdf`, label: "Customer's estimate, with decisions (PDF)" },
          ...customerInvoices.map((invoice) => ({
            href: `/api/desk/tasks/${task.id}/customer-invoices/${invoice.number}`,
            label: `Customer invoice ${invoice.number}${invoice.status === "CANCELLED" ? " (cancelled)" : ""} (PDF)`,
          })),
        ]}
        packs={packs}
        request={{ action: requestEvidencePackAction, field: "assignmentId", value: task.id }}
        downloadBase="/api/desk/evidence-packs"
        clock={clock}
      />
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
