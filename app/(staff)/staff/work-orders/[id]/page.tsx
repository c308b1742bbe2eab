import { FileInput } from "@/components/ui/file-input";
import { SiteDetails } from "@/components/work-orders/site-details";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityFeed } from "@/components/activity/activity-feed";
import { RecordBody, SideSection, pickRecordTab, type TRecordTab } from "@/components/ui/record-body";
import { VisitPlanPanel } from "@/components/visits/visit-plan-panel";
import { getVisitPlan } from "@/lib/visits/get-visit-plan";
import { DialogButton } from "@/components/ui/dialog";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { AttachmentList } from "@/components/attachments/attachment-list";
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
import { contractorProgress, priorityWords, quotePhaseWords, workOrderStatusWords } from "@/lib/statuses/status-words";
import { listWorkOrderQuotes } from "@/lib/quotes/list-work-order-quotes";
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
  uploadClientDocumentAction,
} from "../../actions";
import {
  createPortalLinkAction,
  deleteLineCommentAction,
  replyToLineCommentAction,
  resendPortalLinkAction,
  reviseEstimateLineAction,
  revokePortalLinkAction,
  sendPortalLinkAction,
  issueCustomerInvoiceAction,
  decideEstimateProposalAction,
  setWorkOrderCustomerAction,
} from "./customer-actions";
import { listCustomerChoices } from "@/lib/contacts/site-contacts";
import { getCustomerPortalSettings } from "@/lib/organisations/customer-portal-settings";
import { ProposalPanel } from "@/components/estimates/proposal-panel";
import { listEstimateProposals } from "@/lib/estimates/estimate-proposals";
import { CustomerInvoicePanel } from "@/components/customer-invoices/customer-invoice-panel";
import { listCustomerInvoices } from "@/lib/customer-invoices/list-customer-invoices";
import { CopyLinkForm } from "@/components/customer-links/copy-link-form";
import { LinkList } from "@/components/customer-links/link-list";
import { SendLinkForm } from "@/components/customer-links/send-link-form";
import { listLinkRecipients } from "@/lib/contacts/list-link-recipients";
import { listPortalLinks } from "@/lib/portal/list-portal-links";
import { PORTAL_VIEWS, PORTAL_VIEW_WORDS } from "@/lib/portal/views";
import { now } from "@/lib/time/now";

export const metadata = { title: "Work order · Fieldgate" };

type TTab = "activity" | "details" | "money" | "customer" | "documents";
const TABS: TRecordTab<TTab>[] = [
  { id: "activity", label: "Activity" },
  { id: "details", label: "Details" },
  { id: "money", label: "Money" },
  { id: "customer", label: "Customer" },
  { id: "documents", label: "Documents" },
];

export default async function WorkOrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const tab = pickRecordTab((await searchParams).tab, TABS);
  const actor = await requireStaffActor(`/staff/work-orders/${id}`);
  const workOrder = await getWorkOrder(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const live = workOrder.assignments.find((a) => LIVE_STATUSES.includes(a.status));
  const threadTask = live ?? workOrder.assignments[0];
  const [contractors, clock, quotes, visitPlan] = await Promise.all([
    listNetworkContractors(actor, workOrder.categoryId),
    readReaderClock(actor.organisationTimeZone),
    listWorkOrderQuotes(actor, workOrder.id),
    threadTask ? getVisitPlan(actor, threadTask.id) : null,
  ]);
  const siteZone = workOrder.site.timezone ?? actor.organisationTimeZone;
  const open = !workOrder.archivedAt;
  const canWrite = staffCan(actor, "workOrder.write") && open;

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
            {canWrite && (
              <Link className="button button-secondary" href={`/staff/work-orders/${workOrder.id}/edit`}>
                Edit
              </Link>
            )}
            {canWrite && !live && staffCan(actor, "quote.send") && (
              <Link className="button button-secondary" href={`/staff/quotes/new?workOrderId=${workOrder.id}`}>
                Ask for quotes
              </Link>
            )}
            {staffCan(actor, "portal.send") && open && (
              <DialogButton label="Send to the customer…" title="Send the customer a link" wide>
                <SendLinkForm
                  workOrderId={workOrder.id}
                  recipients={await listLinkRecipients(actor, workOrder.id)}
                  zone={actor.organisationTimeZone}
                  action={sendPortalLinkAction}
                  from={now().getTime()}
                />
              </DialogButton>
            )}
            <LiveUpdates url={`/api/staff/work-orders/${workOrder.id}/events`} />
          </>
        }
      />
      {live && staffCan(actor, "workOrder.assign") && canTransition(live.status, "review", "staff") && (
        <ReviewDecision assignmentId={live.id} contractor={live.contractorCompany.name} />
      )}
      <RecordBody
        basePath={`/staff/work-orders/${workOrder.id}`}
        label="Sections of this work order"
        tabs={TABS}
        current={tab}
        side={
          <>
            <SideSection title="Site">
              <dl className="details details-stacked">
                <SiteDetails workOrder={workOrder} />
              </dl>
            </SideSection>
            <SideSection title="Contractor">
              <ContractorPanel
                workOrder={workOrder}
                live={live}
                contractors={contractors}
                canAssign={staffCan(actor, "workOrder.assign")}
                canOverride={staffCan(actor, "compliance.override")}
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
            </SideSection>
            {visitPlan && (visitPlan.tenant || visitPlan.visits.length > 0) && (
              <SideSection title="Visits and reminders">
                <VisitPlanPanel plan={visitPlan} />
              </SideSection>
            )}
            {quotes.length > 0 && (
              <SideSection title="Requests for quote">
                <ul className="plain-list">
                  {quotes.map((quote) => (
                    <li key={quote.id}>
                      <Link href={`/staff/quotes/${quote.id}`}>
                        {quotePhaseWords(quote.phase).label}, answers by {formatStamp(quote.deadline, clock)}
                      </Link>{" "}
                      <small className="hint">
                        {quote._count.invitations} invited{quote.sealed ? ", sealed" : ""}
                      </small>
                    </li>
                  ))}
                </ul>
              </SideSection>
            )}
          </>
        }
      >
        {tab === "activity" && (
          <ActivityFeed
            events={workOrder.timeline}
            messages={threadTask ? await listMessages(actor, threadTask.id) : []}
            composer={
              threadTask && staffCan(actor, "workOrder.write")
                ? { assignmentId: threadTask.id, post: postStaffMessageAction }
                : undefined
            }
            clock={clock}
          />
        )}
        {tab === "details" && (
          <DetailsTab workOrder={workOrder} actor={actor} clock={clock} siteZone={siteZone} canWrite={canWrite} />
        )}
        {tab === "money" && (
          <MoneyTab
            workOrder={workOrder}
            threadTaskId={threadTask?.id}
            actor={actor}
            clock={clock}
            siteZone={siteZone}
          />
        )}
        {tab === "customer" && (
          <CustomerTab
            workOrderId={workOrder.id}
            actor={actor}
            clock={clock}
            siteId={workOrder.site.id}
            customerId={workOrder.customerContactId}
            completed={
              workOrder.status === "COMPLETED" ||
              workOrder.assignments.some((a) => ["COMPLETED", "REVIEWED", "INVOICED"].includes(a.status))
            }
          />
        )}
        {tab === "documents" && (
          <DocumentsTab workOrderId={workOrder.id} actor={actor} clock={clock} canWrite={canWrite} />
        )}
      </RecordBody>
    </>
  );
}

type TWorkOrder = Awaited<ReturnType<typeof getWorkOrder>>;
type TActor = Awaited<ReturnType<typeof requireStaffActor>>;
type TClock = Awaited<ReturnType<typeof readReaderClock>>;

async function DetailsTab({
  workOrder,
  actor,
  clock,
  siteZone,
  canWrite,
}: {
  workOrder: TWorkOrder;
  actor: TActor;
  clock: TClock;
  siteZone: string;
  canWrite: boolean;
}) {
  const siteWork = await getSiteWork(actor, { workOrderId: workOrder.id });
  return (
    <>
      <section className="card" aria-label="Details">
        {workOrder.description && <p className="prewrap">{workOrder.description}</p>}
        {workOrder.internalNotes && (
          <p className="muted prewrap">
            <strong>Internal notes:</strong> {workOrder.internalNotes}
          </p>
        )}
        <dl className="details">
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
      </section>
      <section className="card" aria-label="Work on site">
        <div className="card-heading">
          <h2>Procedure and work on site</h2>
          {canWrite && (
            <DialogButton label="Add a step…" title="Add a step for the technician">
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
                <SubmitButton>Add step</SubmitButton>
              </ActionForm>
            </DialogButton>
          )}
        </div>
        {siteWork && <SiteWorkPanel work={siteWork} siteZone={siteZone} clock={clock} />}
      </section>
    </>
  );
}

async function MoneyTab({
  workOrder,
  threadTaskId,
  actor,
  clock,
  siteZone,
}: {
  workOrder: TWorkOrder;
  threadTaskId: string | undefined;
  actor: TActor;
  clock: TClock;
  siteZone: string;
}) {
  const [estimate, nteRequests, invoices, work, proposals] = await Promise.all([
    listEstimateLines(actor, workOrder.id),
    listNteIncreases(actor, { workOrderId: workOrder.id }),
    listWorkInvoices(actor, { workOrderId: workOrder.id }),
    threadTaskId ? listWorkTime(actor, threadTaskId) : null,
    listEstimateProposals(actor, workOrder.id),
  ]);
  return (
    <>
      <EstimatePanel
        clock={clock}
        workOrderId={workOrder.id}
        estimate={estimate}
        currency={actor.organisationCurrency}
        defaultTaxPercent={estimate.defaultTaxPercent}
        canWrite={staffCan(actor, "estimate.write") && !workOrder.archivedAt}
        canApprove={staffCan(actor, "estimate.approve") && !workOrder.archivedAt}
        actions={{
          add: addEstimateLineAction,
          remove: removeEstimateLineAction,
          approve: approveEstimateAction,
          revise: reviseEstimateLineAction,
          reply: staffCan(actor, "estimate.comment") ? replyToLineCommentAction : undefined,
          deleteComment: staffCan(actor, "estimate.comment.delete") ? deleteLineCommentAction : undefined,
        }}
      />
      <ProposalPanel
        proposals={proposals}
        currency={actor.organisationCurrency}
        decide={staffCan(actor, "estimate.write") && !workOrder.archivedAt ? decideEstimateProposalAction : undefined}
      />
      <NteIncreasePanel
        requests={nteRequests}
        currency={actor.organisationCurrency}
        decide={staffCan(actor, "estimate.approve") ? decideNteIncreaseAction : undefined}
      />
      {threadTaskId && (
        <WorkInvoices
          invoices={invoices}
          basePath="/staff/invoices"
          empty="No invoice submitted yet: the contractor's is checked against the estimate and the work recorded."
        />
      )}
      {threadTaskId && work && (
        <WorkTimePanel assignmentId={threadTaskId} work={work} clock={clock} siteZone={siteZone} />
      )}
    </>
  );
}

// The customer's side of the work order: every link sent (withdraw, send anew), a link to
// copy, and each view previewed exactly as the customer sees it.
async function CustomerTab({
  workOrderId,
  actor,
  clock,
  completed,
  siteId,
  customerId,
}: {
  workOrderId: string;
  actor: TActor;
  clock: TClock;
  completed: boolean;
  siteId: string;
  customerId: string | null;
}) {
  const canSend = staffCan(actor, "portal.send");
  const [links, invoices, choices, settings] = await Promise.all([
    listPortalLinks(actor, workOrderId),
    listCustomerInvoices(actor, workOrderId),
    listCustomerChoices(actor, siteId),
    getCustomerPortalSettings(actor),
  ]);
  return (
    <>
      <section className="card" aria-labelledby="customer-heading">
        <h2 id="customer-heading">Customer</h2>
        {staffCan(actor, "workOrder.write") ? (
          <ActionForm action={setWorkOrderCustomerAction} className="inline-form" toast="Customer changed.">
            <input type="hidden" name="workOrderId" value={workOrderId} />
            <Field name="contactId" label="The work order's customer" inputId="work-order-customer">
              <select id="work-order-customer" name="contactId" defaultValue={customerId ?? ""}>
                <option value="">None named</option>
                {choices.map((contact) => (
                  <option key={contact.id} value={contact.id}>
                    {contact.name}
                    {contact.company ? `, ${contact.company}` : ""} ({contact.email})
                    {contact.atSite ? " · this site" : ""}
                  </option>
                ))}
              </select>
            </Field>
            <SubmitButton variant="secondary">Save</SubmitButton>
          </ActionForm>
        ) : (
          <p>{choices.find((contact) => contact.id === customerId)?.name ?? "None named"}</p>
        )}
        <p className="hint">
          Customers are added on the <Link href={`/staff/sites/${siteId}`}>site</Link>; a link can go to any address.
        </p>
      </section>
      <section className="card" aria-labelledby="links-heading">
        <div className="card-heading">
          <h2 id="links-heading">Customer links</h2>
          {canSend && (
            <DialogButton label="Make a link to copy…" title="A link to paste into your own email">
              <CopyLinkForm workOrderId={workOrderId} action={createPortalLinkAction} />
            </DialogButton>
          )}
        </div>
        <LinkList
          links={links}
          clock={clock}
          now={now()}
          actions={canSend ? { revoke: revokePortalLinkAction, resend: resendPortalLinkAction } : undefined}
        />
        {!canSend && <p className="hint">A manager or an admin sends links to customers.</p>}
      </section>
      <CustomerInvoicePanel
        workOrderId={workOrderId}
        invoices={invoices}
        zone={actor.organisationTimeZone}
        currency={actor.organisationCurrency}
        completed={completed}
        defaultTaxPercent={settings.defaultTaxPercent.toString()}
        issue={staffCan(actor, "customerInvoice.issue") ? issueCustomerInvoiceAction : undefined}
      />
      <section className="card" aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview what the customer sees</h2>
        <ul className="plain-list">
          {PORTAL_VIEWS.map((view) => (
            <li key={view}>
              <Link href={`/staff/work-orders/${workOrderId}/preview/${view}`} target="_blank">
                {PORTAL_VIEW_WORDS[view].label}
              </Link>{" "}
              <small className="hint">{PORTAL_VIEW_WORDS[view].purpose}</small>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

async function DocumentsTab({
  workOrderId,
  actor,
  clock,
  canWrite,
}: {
  workOrderId: string;
  actor: TActor;
  clock: TClock;
  canWrite: boolean;
}) {
  const [attachments, packs] = await Promise.all([
    listWorkOrderAttachments(actor, workOrderId),
    listEvidencePacks(actor, { workOrderId }),
  ]);
  return (
    <>
      <section className="card" aria-label="Documents">
        <div className="card-heading">
          <h2>Documents</h2>
          {canWrite && (
            <DialogButton label="Add a document…" title="Add a document for the contractor">
              <ActionForm
                action={uploadClientDocumentAction}
                successMessage="Document added; the contractor can read it."
                testId="client-document-form"
              >
                <input type="hidden" name="workOrderId" value={workOrderId} />
                <Field name="file" label="File (PDF, photo, Word, Excel, text; up to 25 MB)" inputId="client-document">
                  <FileInput id="client-document" name="file" />
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
          {
            href: `/api/staff/work-orders/${workOrderId}/work-order-pdf`,
            label: "Work order for the contractor (PDF)",
          },
          { href: `/api/staff/work-orders/${workOrderId}/service-report-pdf`, label: "Service report (PDF)" },
          {
            href: `/api/staff/work-orders/${workOrderId}/estimate-pdf`,
            label: "Customer's estimate, with decisions (PDF)",
          },
        ]}
        packs={packs}
        request={{ action: requestEvidencePackAction, field: "workOrderId", value: workOrderId }}
        downloadBase="/api/staff/evidence-packs"
        clock={clock}
      />
    </>
  );
}
