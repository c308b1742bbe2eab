import { ActionForm, Field, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { formatCalendarDay, formatStamp } from "@/components/ui/format";
import { quantityWithUnit } from "@/lib/billing/unit-codes";
import { formatMoney } from "@/lib/money/format-money";
import type { getBidderQuote } from "@/lib/quotes/get-bidder-quote";
import { MAX_QUOTE_LINES } from "@/lib/quotes/schemas";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { dayInZone } from "@/lib/time/zones";
import { FileInput } from "@/components/ui/file-input";
import { LineRows } from "@/components/billing/line-rows";

type TView = Awaited<ReturnType<typeof getBidderQuote>>;
type TRevision = TView["submitted"][number];

// A request for quote as its bidder sees it, from the emailed link or the Desk: the work
// and the client, then its own answers (every submitted revision, the latest first), the
// form to answer or revise while the request is open, and the way to decline. Nothing of
// anyone else who was asked.
export function BidderQuote({
  view,
  clock,
  actions,
  hidden,
  now,
  fileHref,
  pdfHref,
}: {
  // Where the bidder downloads a file of the request or its own quote document.
  fileHref: (attachmentId: string) => string;
  // Where the bidder downloads one of its submitted quotes as a PDF.
  pdfHref: (revision: number) => string;
  view: TView;
  clock: TReaderClock;
  actions: { answer: TFormAction; decline: TFormAction; ask: TFormAction; confirm: TFormAction };
  // What identifies the bidder in a post besides its invitation (the link's token).
  hidden: Record<string, string>;
  now: Date;
}) {
  const { request, invitation, draft, submitted, readOnly } = view;
  const site = request.workOrder.site;
  const currency = request.organisation.currency;
  const start = draft ?? submitted[0] ?? null;
  const today = dayInZone(now, site.timezone ?? clock.zone);
  const hiddenFields = (
    <>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="invitationId" value={invitation.id} />
    </>
  );
  return (
    <>
      <section className="card" aria-label="The request">
        <p className="muted">Request for quote from {request.organisation.name}</p>
        <h1>{request.workOrder.title}</h1>
        {readOnly ? (
          <p className="alert alert-info" role="status" data-testid="bidder-read-only">
            {readOnly} This page is read-only.
          </p>
        ) : (
          <p className="alert alert-warning">
            Answer by <strong>{formatStamp(request.deadline, clock)}</strong>. You can revise your quote until then.
          </p>
        )}
        <dl className="details">
          <dt>Site</dt>
          <dd>
            {site.name}, {[site.addressLine1, site.addressLine2, site.city, site.postcode].filter(Boolean).join(", ")}
          </dd>
          {site.accessDetails && (
            <>
              <dt>Access</dt>
              <dd className="prewrap">{site.accessDetails}</dd>
            </>
          )}
          {request.siteVisitFrom && (
            <>
              <dt>Site visit</dt>
              <dd>
                {formatStamp(request.siteVisitFrom, clock)} – {formatStamp(request.siteVisitTo, clock)}
              </dd>
            </>
          )}
        </dl>
        <h2>Scope</h2>
        <p className="prewrap">{request.scope}</p>
        {request.requirements && (
          <>
            <h2>Requirements</h2>
            <p className="prewrap">{request.requirements}</p>
          </>
        )}
        {request.attachments.length > 0 && (
          <>
            <h2>Documents</h2>
            <ul className="plain-list">
              {request.attachments.map((file) => (
                <li key={file.id}>
                  <a href={fileHref(file.id)} download>
                    {file.filename}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-label="Questions" data-testid="bidder-questions">
        <h2>Questions</h2>
        {request.questions.length === 0 && <p className="muted">No questions answered yet.</p>}
        <ul className="plain-list">
          {request.questions.map((q) => (
            <li key={q.id}>
              <p>
                <strong>Q:</strong> {q.question}
                {q.mine && <small className="hint"> (yours)</small>}
              </p>
              <p className={q.answer ? undefined : "muted"}>
                <strong>A:</strong> {q.answer ?? "Not answered yet."}
              </p>
            </li>
          ))}
        </ul>
        {!readOnly && (
          <ActionForm action={actions.ask} successMessage="Question sent." testId="quote-question-form">
            {hiddenFields}
            <Field name="question" label="Ask the client a question" inputId="bidder-question">
              <textarea id="bidder-question" name="question" rows={2} />
            </Field>
            <SubmitButton variant="secondary">Send question</SubmitButton>
          </ActionForm>
        )}
      </section>

      {invitation.status === "DECLINED" && (
        <p className="alert alert-info" role="status">
          You declined to quote: “{invitation.declineReason}”.{!readOnly && " You can still send a quote below."}
        </p>
      )}

      {!readOnly && submitted[0] && submitted[0].requestVersion < request.version && (
        <section className="alert alert-warning" aria-label="The request has changed" data-testid="request-changed">
          <p>
            <strong>{request.organisation.name} changed the request after you sent your quote.</strong> Your quote reads
            as given for the earlier version until you keep it for this one or revise it below.
          </p>
          <ul>
            {request.changes
              .filter((change) => change.version > submitted[0].requestVersion)
              .flatMap((change) => change.changes)
              .map((change, i) => (
                <li key={i}>{change.label} changed.</li>
              ))}
          </ul>
          <ActionForm action={actions.confirm} toast="Your quote now stands for the changed request.">
            {hiddenFields}
            <SubmitButton variant="secondary">Keep my quote for the changed request</SubmitButton>
          </ActionForm>
        </section>
      )}

      {submitted.length > 0 && (
        <section className="card" aria-label="What you sent" data-testid="submitted-quotes">
          <h2>What you sent</h2>
          {submitted.map((revision, i) => (
            <SubmittedRevision
              key={revision.id}
              revision={revision}
              latest={i === 0}
              stale={revision.requestVersion < request.version}
              clock={clock}
              fileHref={fileHref}
              pdfHref={pdfHref}
            />
          ))}
        </section>
      )}

      {!readOnly && (
        <section className="card" aria-label="Your quote">
          <h2>{submitted.length ? "Revise your quote" : "Your quote"}</h2>
          {draft && <p className="muted">Your saved draft is filled in below.</p>}
          <ActionForm action={actions.answer} successMessage="Saved." testId="quote-answer-form">
            {hiddenFields}
            <LineRows
              currency={currency}
              max={MAX_QUOTE_LINES}
              initial={(start?.lines ?? []).map((line) => ({
                description: line.description,
                quantity: line.quantity.toString(),
                unitCode: line.unitCode,
                unitPrice: line.unitPrice.toString(),
                taxPercent: line.taxPercent.toString(),
              }))}
            />
            <div className="field-row">
              <Field name="proposedDate" label="Proposed date of the work">
                <input
                  id="proposedDate"
                  name="proposedDate"
                  type="date"
                  min={today}
                  defaultValue={start?.proposedDate?.toISOString().slice(0, 10)}
                />
              </Field>
              <Field name="validUntil" label="Quote valid until (optional)">
                <input
                  id="validUntil"
                  name="validUntil"
                  type="date"
                  min={today}
                  defaultValue={start?.validUntil?.toISOString().slice(0, 10)}
                />
              </Field>
            </div>
            <Field name="comments" label="Comments (optional)">
              <textarea id="comments" name="comments" rows={3} defaultValue={start?.comments} />
            </Field>
            <Field
              name="file"
              label="Your quote document (optional, PDF or picture)"
              inputId="quote-document"
              hint={draft?.document ? `Saved with your draft: ${draft.document.filename}` : undefined}
            >
              <FileInput id="quote-document" name="file" accept="application/pdf,image/*" />
            </Field>
            <p className="muted">Totals are worked out from your lines when you submit.</p>
            <div className="button-row">
              <SubmitButton name="intent" value="submit">
                Submit quote
              </SubmitButton>
              <SubmitButton name="intent" value="draft" variant="secondary">
                Save draft
              </SubmitButton>
            </div>
          </ActionForm>
        </section>
      )}

      {!readOnly && invitation.status !== "DECLINED" && (
        <section className="card" aria-label="Decline">
          <h2>Not quoting?</h2>
          <ActionForm action={actions.decline} toast="You declined to quote." testId="quote-decline-form">
            {hiddenFields}
            <Field name="reason" label="Tell the client why" inputId="decline-reason">
              <textarea id="decline-reason" name="reason" rows={2} />
            </Field>
            <SubmitButton variant="secondary">Decline to quote</SubmitButton>
          </ActionForm>
        </section>
      )}
    </>
  );
}

function SubmittedRevision({
  revision,
  latest,
  stale,
  clock,
  fileHref,
  pdfHref,
}: {
  revision: TRevision;
  latest: boolean;
  stale: boolean;
  clock: TReaderClock;
  fileHref: (attachmentId: string) => string;
  pdfHref: (revision: number) => string;
}) {
  const money = (value: { toString(): string }) => formatMoney(value.toString(), revision.currency);
  const body = (
    <>
      {stale && <p className="flag">Given for an earlier version of the request.</p>}
      <p>
        <a className="button button-secondary" href={pdfHref(revision.number)} download>
          Download this quote (PDF)
        </a>
      </p>
      <div className="table-scroll">
        <table className="table table-stack" aria-label={`Revision ${revision.number} lines`}>
          <thead>
            <tr>
              <th>Description</th>
              <th className="num">Quantity</th>
              <th className="num">Unit price</th>
              <th className="num">Tax</th>
            </tr>
          </thead>
          <tbody>
            {revision.lines.map((line) => (
              <tr key={line.id}>
                <td data-label="Description">{line.description}</td>
                <td className="num" data-label="Quantity">
                  {quantityWithUnit(line.quantity, line.unitCode)}
                </td>
                <td className="num" data-label="Unit price">
                  {money(line.unitPrice)}
                </td>
                <td className="num" data-label="Tax">
                  {line.taxPercent.toString()} %
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="details">
        <dt>Total</dt>
        <dd data-testid="submitted-total">
          {money(revision.gross)} ({money(revision.net)} net + {money(revision.tax)} tax)
        </dd>
        <dt>Proposed date</dt>
        <dd>{formatCalendarDay(revision.proposedDate)}</dd>
        <dt>Valid until</dt>
        <dd>{formatCalendarDay(revision.validUntil)}</dd>
        {revision.document && (
          <>
            <dt>Document</dt>
            <dd>
              <a href={fileHref(revision.document.id)} download>
                {revision.document.filename}
              </a>
            </dd>
          </>
        )}
        {revision.comments && (
          <>
            <dt>Comments</dt>
            <dd className="prewrap">{revision.comments}</dd>
          </>
        )}
      </dl>
    </>
  );
  const title = `Revision ${revision.number}, sent ${formatStamp(revision.submittedAt, clock)}${latest ? " (current)" : ""}`;
  return latest ? (
    <div>
      <h3>{title}</h3>
      {body}
    </div>
  ) : (
    <details>
      <summary>{title}</summary>
      {body}
    </details>
  );
}
