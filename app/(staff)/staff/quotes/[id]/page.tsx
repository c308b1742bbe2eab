import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { InviteeFields } from "@/components/quotes/invitee-fields";
import { InviteePanel } from "@/components/quotes/invitee-panel";
import { QuoteComparison } from "@/components/quotes/quote-comparison";
import { QuestionList } from "@/components/quotes/question-list";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { DialogButton } from "@/components/ui/dialog";
import { FileInput } from "@/components/ui/file-input";
import { formatStamp } from "@/components/ui/format";
import { RecordBody, pickRecordTab, type TRecordTab } from "@/components/ui/record-body";
import { RecordHeader } from "@/components/ui/record-header";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format-money";
import { compareQuotes } from "@/lib/quotes/compare-quotes";
import { getQuoteForm } from "@/lib/quotes/get-quote-form";
import { getQuoteRequest } from "@/lib/quotes/get-quote-request";
import { quotePhaseWords } from "@/lib/statuses/status-words";
import { now } from "@/lib/time/now";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import {
  addInviteesAction,
  answerQuestionAction,
  attachForBiddersAction,
  reviseQuoteRequestAction,
  awardQuoteAction,
  cancelQuoteRequestAction,
  extendQuoteDeadlineAction,
  openAnswersEarlyAction,
  resendInvitationAction,
  sendQuoteRequestAction,
} from "../actions";

export const metadata = { title: "Request for quote · Fieldgate" };

type TTab = "answers" | "invited" | "questions" | "request";

export default async function QuoteRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireStaffActor(`/staff/quotes/${id}`);
  if (!staffCan(actor, "workOrder.read")) notFound();
  const at = now();
  const request = await getQuoteRequest(actor, id, at).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const clock = await readReaderClock(actor.organisationTimeZone);
  const { workOrder, phase } = request;
  const siteZone = workOrder.site.timezone ?? actor.organisationTimeZone;
  const canSend = staffCan(actor, "quote.send");
  const open = phase === "open";
  const answered = request.invitations.filter((i) => i.revisions.length > 0 && i.status !== "DECLINED").length;
  const tabs: TRecordTab<TTab>[] = [
    { id: "answers", label: "Answers" },
    { id: "invited", label: "Invited", count: request.invitations.length },
    { id: "questions", label: "Questions", count: request.questions.filter((q) => q.answer === null).length },
    { id: "request", label: "Request" },
  ];
  const tab = pickRecordTab((await searchParams).tab, tabs);
  const invitees =
    tab === "invited" && (open || phase === "draft") && canSend
      ? (await getQuoteForm(actor, workOrder.id, at)).contractors
      : null;

  return (
    <>
      <Link href="/staff/quotes" className="back-link">
        ← Requests for quote
      </Link>
      <RecordHeader
        eyebrow={
          <Link href={`/staff/work-orders/${workOrder.id}`}>
            Work order #{workOrder.number}, {workOrder.site.name}
          </Link>
        }
        title={`Quotes: ${workOrder.title}`}
        status={quotePhaseWords(phase)}
        detail={`${answered} of ${request.invitations.length} answered${request.sealed ? (request.answersOpen ? " · sealed, now open" : " · sealed") : ""}`}
        facts={[
          { label: "Answers by", value: formatStamp(request.deadline, clock) },
          { label: "Budget", value: request.budget ? formatMoney(request.budget, actor.organisationCurrency) : "—" },
          {
            label: "Site visit",
            value: request.siteVisitFrom
              ? `${formatStamp(request.siteVisitFrom, clock)} – ${formatStamp(request.siteVisitTo, clock)}`
              : "—",
          },
        ]}
        actions={
          <>
            {phase === "draft" && canSend && (
              <ActionForm
                action={sendQuoteRequestAction}
                toast="Request sent; every invitee emailed."
                className="inline-form"
              >
                <input type="hidden" name="quoteRequestId" value={request.id} />
                <SubmitButton>Send the request</SubmitButton>
              </ActionForm>
            )}
            {(open || phase === "closed") && canSend && (
              <DialogButton label="Extend the deadline…" title="Extend the deadline">
                <p className="muted">Every invitee is emailed the new deadline.</p>
                <ActionForm action={extendQuoteDeadlineAction} toast="Deadline extended; invitees emailed.">
                  <input type="hidden" name="quoteRequestId" value={request.id} />
                  <Field name="deadline" label={`New deadline (${siteZone})`} inputId="new-deadline">
                    <input id="new-deadline" name="deadline" type="datetime-local" />
                  </Field>
                  <SubmitButton>Extend</SubmitButton>
                </ActionForm>
              </DialogButton>
            )}
            {(open || phase === "closed" || phase === "draft") && canSend && (
              <DialogButton label="Cancel the request…" title="Cancel the request for quote" variant="danger">
                <p className="muted">Every invitee is emailed the reason; their links turn read-only.</p>
                <ActionForm action={cancelQuoteRequestAction} toast="Request cancelled; invitees emailed.">
                  <input type="hidden" name="quoteRequestId" value={request.id} />
                  <Field name="reason" label="Reason" inputId="cancel-reason">
                    <textarea id="cancel-reason" name="reason" rows={3} />
                  </Field>
                  <SubmitButton variant="danger">Cancel the request</SubmitButton>
                </ActionForm>
              </DialogButton>
            )}
          </>
        }
      />
      <RecordBody basePath={`/staff/quotes/${request.id}`} label="Sections of this request" tabs={tabs} current={tab}>
        {tab === "answers" && (
          <AnswersTab
            request={request}
            actor={actor}
            at={at}
            clock={clock}
            invitees={<InviteePanel invitations={request.invitations} clock={clock} />}
          />
        )}
        {tab === "invited" && (
          <section className="card" aria-label="Invited">
            <div className="card-heading">
              <h2>Invited</h2>
              {invitees && (
                <DialogButton label="Invite more…" title="Invite more bidders" wide>
                  <ActionForm action={addInviteesAction} toast="Invitations sent." testId="add-invitees-form">
                    <input type="hidden" name="quoteRequestId" value={request.id} />
                    <InviteeFields
                      contractors={invitees}
                      canOverride={staffCan(actor, "compliance.override")}
                      idPrefix="more"
                    />
                    <SubmitButton>Send invitations</SubmitButton>
                  </ActionForm>
                </DialogButton>
              )}
            </div>
            <InviteePanel
              invitations={request.invitations}
              clock={clock}
              resend={open && canSend ? resendInvitationAction : undefined}
            />
          </section>
        )}
        {tab === "questions" && (
          <section className="card" aria-label="Questions">
            <h2>Questions from bidders</h2>
            <QuestionList
              clock={clock}
              answer={canSend && (open || phase === "closed") ? answerQuestionAction : undefined}
              questions={request.questions.map((q) => ({
                ...q,
                askedBy: request.invitations.find((i) => i.id === q.invitationId)?.bidder ?? "A bidder",
              }))}
            />
          </section>
        )}
        {tab === "request" && (
          <section className="card" aria-label="The request">
            <div className="card-heading">
              <h2>Scope</h2>
              {open && canSend && (
                <DialogButton label="Change the request…" title="Change the request" wide>
                  <p className="muted">
                    Every bidder is emailed what changed; answers already given read as given for the earlier version
                    until their bidder keeps or revises them.
                  </p>
                  <ActionForm action={reviseQuoteRequestAction} toast="Request changed; bidders emailed.">
                    <input type="hidden" name="quoteRequestId" value={request.id} />
                    <Field name="scope" label="Scope" inputId="revise-scope">
                      <textarea id="revise-scope" name="scope" rows={5} defaultValue={request.scope} />
                    </Field>
                    <Field name="requirements" label="Requirements" inputId="revise-requirements">
                      <textarea
                        id="revise-requirements"
                        name="requirements"
                        rows={3}
                        defaultValue={request.requirements}
                      />
                    </Field>
                    <SubmitButton>Save and tell the bidders</SubmitButton>
                  </ActionForm>
                </DialogButton>
              )}
            </div>
            <p className="prewrap">{request.scope}</p>
            {request.requirements && (
              <>
                <h2>Requirements</h2>
                <p className="prewrap">{request.requirements}</p>
              </>
            )}
            <div className="card-heading">
              <h2>Documents for the bidders</h2>
              {canSend && (open || phase === "draft") && (
                <DialogButton label="Add a document…" title="Add a document for every bidder">
                  <ActionForm action={attachForBiddersAction} toast="Document added." testId="quote-document-form">
                    <input type="hidden" name="quoteRequestId" value={request.id} />
                    <Field name="file" label="Document (drawings, specification)" inputId="bidder-document">
                      <FileInput id="bidder-document" name="file" />
                    </Field>
                    <SubmitButton>Add</SubmitButton>
                  </ActionForm>
                </DialogButton>
              )}
            </div>
            {request.attachments.length ? (
              <AttachmentList attachments={request.attachments} clock={clock} />
            ) : (
              <p className="muted">None.</p>
            )}
            {request.cancelReason && <p className="alert alert-info">Cancelled: “{request.cancelReason}”</p>}
            {request.openedEarlyReason && (
              <p className="muted">
                Sealed answers opened on {formatStamp(request.openedEarlyAt, clock)}: “{request.openedEarlyReason}”
              </p>
            )}
          </section>
        )}
      </RecordBody>
    </>
  );
}

type TActor = Awaited<ReturnType<typeof requireStaffActor>>;

async function AnswersTab({
  request,
  actor,
  at,
  clock,
  invitees,
}: {
  request: Awaited<ReturnType<typeof getQuoteRequest>>;
  actor: TActor;
  at: Date;
  clock: Awaited<ReturnType<typeof readReaderClock>>;
  invitees: ReactNode;
}) {
  if (!request.answersOpen)
    return (
      <section className="card" aria-label="Sealed answers" data-testid="sealed-answers">
        <h2>Sealed until the deadline</h2>
        <p>You see who has answered, but no price, line or date until {formatStamp(request.deadline, clock)}.</p>
        {invitees}
        {staffCan(actor, "quote.openEarly") ? (
          <DialogButton label="Open the answers now…" title="Open the sealed answers before the deadline">
            <p className="muted">The reason is kept on the work order&apos;s timeline.</p>
            <ActionForm action={openAnswersEarlyAction} toast="Answers opened.">
              <input type="hidden" name="quoteRequestId" value={request.id} />
              <Field name="reason" label="Reason" inputId="open-early-reason">
                <textarea id="open-early-reason" name="reason" rows={3} />
              </Field>
              <SubmitButton>Open the answers</SubmitButton>
            </ActionForm>
          </DialogButton>
        ) : (
          <p className="muted">A manager or an admin can open them early, with a reason.</p>
        )}
      </section>
    );
  const comparison = await compareQuotes(request, at);
  if (!comparison) return null;
  const canAward = staffCan(actor, "quote.award") && request.status === "OPEN";
  return (
    <section className="card" aria-label="Answers">
      <h2>Answers side by side</h2>
      <QuoteComparison
        comparison={comparison}
        currency={actor.organisationCurrency}
        clock={clock}
        award={
          canAward
            ? (column) =>
                column.answer && column.status === "INVITED" ? (
                  <DialogButton
                    label="Award…"
                    ariaLabel={`Award to ${column.bidder}…`}
                    title={`Award the work to ${column.bidder}`}
                    variant="primary"
                  >
                    <p>
                      {column.bidder} gets the task, accepted and planned for its proposed date; its lines become the
                      approved estimate.
                    </p>
                    <ActionForm action={awardQuoteAction} testId="award-form">
                      <input type="hidden" name="invitationId" value={column.invitationId} />
                      <fieldset className="checkbox-group">
                        <legend>Tell</legend>
                        <label className="checkbox">
                          <input type="radio" name="notify" value="all" defaultChecked /> The winner and the others
                        </label>
                        <label className="checkbox">
                          <input type="radio" name="notify" value="winner" /> The winner only
                        </label>
                        <label className="checkbox">
                          <input type="radio" name="notify" value="nobody" /> Nobody
                        </label>
                      </fieldset>
                      <SubmitButton>Award</SubmitButton>
                    </ActionForm>
                  </DialogButton>
                ) : null
            : undefined
        }
      />
      <p className="button-row">
        <a className="button button-secondary" href={`/api/staff/quotes/${request.id}/export`} download>
          Export (CSV)
        </a>
        <a className="button button-secondary" href={`/api/staff/quotes/${request.id}/pdf`} download>
          Print (PDF)
        </a>
      </p>
    </section>
  );
}
