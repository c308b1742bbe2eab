import { ActionForm, Field, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { formatStamp } from "@/components/ui/format";
import { quantityInWords } from "@/lib/billing/unit-codes";
import type { TPortalEstimate } from "@/lib/portal/get-portal-estimate";
import { formatMoney } from "@/lib/money/format-money";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { SignEstimateForm } from "./sign-estimate-form";

const DECISION_WORDS = {
  PENDING: { label: "Awaiting your decision", badge: "badge-warning" },
  APPROVED: { label: "Approved", badge: "badge-success" },
  REJECTED: { label: "Rejected", badge: "badge-danger" },
} as const;

type TActions = { decide: TFormAction; comment: TFormAction; sign: TFormAction };

// One work order's estimate (with prices) or work authorization (without any) as the
// customer decides it: a card per line with its decision and conversation, the approved
// total, then the terms, then the signature, last. `actions` is absent in a staff preview:
// the same page with nothing to press.
export function CustomerEstimate({
  estimate,
  clock,
  hidden,
  actions,
  pdfHref,
}: {
  estimate: TPortalEstimate;
  clock: TReaderClock;
  hidden: Record<string, string>;
  actions?: TActions;
  pdfHref?: string;
}) {
  const money = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, estimate.currency ?? "GBP");
  const pending = estimate.lines.filter((line) => !line.signed && line.decision === "PENDING").length;
  const hiddenInputs = Object.entries(hidden).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
  return (
    <>
      <section className="card" aria-label="Estimate lines">
        <div className="card-heading">
          <h2>{estimate.currency ? "Lines and prices" : "Work to authorize"}</h2>
          {pdfHref && (
            <a className="button button-secondary" href={pdfHref} download>
              Download PDF
            </a>
          )}
        </div>
        {estimate.lines.length === 0 ? (
          <p className="muted">Nothing is waiting for your decision yet: you will be sent a link when it is.</p>
        ) : (
          <p className="muted" data-testid="estimate-summary">
            {pending === 0
              ? "Every line has your decision."
              : `${pending} ${pending === 1 ? "line awaits" : "lines await"} your decision: approve or reject each one.`}
          </p>
        )}
        <ol className="line-cards">
          {estimate.lines.map((line) => {
            const words = DECISION_WORDS[line.decision];
            const comments = estimate.comments.filter((comment) => comment.lineKey === line.lineKey);
            return (
              <li key={line.id} className="line-card" data-testid="customer-line" aria-label={line.description}>
                <div className="line-card-head">
                  <h3>{line.description}</h3>
                  <span className={`badge ${words.badge}`} data-testid="line-decision">
                    {words.label}
                  </span>
                </div>
                <dl className="line-card-facts">
                  <dt>Quantity</dt>
                  <dd>{quantityInWords(line.quantity, line.unitCode)}</dd>
                  {line.prices && (
                    <>
                      <dt>Unit price</dt>
                      <dd>{money(line.prices.unitPrice)}</dd>
                      <dt>Tax</dt>
                      <dd>
                        {Number(line.prices.taxPercent)} %: {money(line.prices.tax)}
                      </dd>
                      <dt>Total</dt>
                      <dd className="line-card-total">{money(line.prices.gross)}</dd>
                    </>
                  )}
                </dl>
                {line.changedSinceSigning && (
                  <p className="alert alert-info" data-testid="changed-since-signing">
                    Changed since you signed: it was “{line.changedSinceSigning.description}”,{" "}
                    {Number(line.changedSinceSigning.quantity)}
                    {"unitPrice" in line.changedSinceSigning && line.changedSinceSigning.unitPrice
                      ? ` at ${money(line.changedSinceSigning.unitPrice)}`
                      : ""}
                    . It needs your decision again.
                  </p>
                )}
                {line.signed ? (
                  <p className="hint">Signed: this decision is final.</p>
                ) : (
                  actions && (
                    <ActionForm action={actions.decide} className="decision-form">
                      {hiddenInputs}
                      <input type="hidden" name="lineId" value={line.id} />
                      <div className="button-row decision-buttons">
                        {line.decision !== "APPROVED" && (
                          <SubmitButton name="decision" value="APPROVED">
                            Approve
                          </SubmitButton>
                        )}
                        {line.decision !== "REJECTED" && (
                          <SubmitButton name="decision" value="REJECTED" variant="secondary">
                            Reject
                          </SubmitButton>
                        )}
                        {line.decision !== "PENDING" && (
                          <SubmitButton name="decision" value="PENDING" variant="secondary">
                            Clear my decision
                          </SubmitButton>
                        )}
                      </div>
                      {line.decision === "PENDING" && (
                        <Field
                          name="comment"
                          label="Comment with your decision (optional)"
                          inputId={`decision-comment-${line.id}`}
                        >
                          <input id={`decision-comment-${line.id}`} name="comment" maxLength={2000} />
                        </Field>
                      )}
                    </ActionForm>
                  )
                )}
                <LineConversation comments={comments} clock={clock} />
                {actions && !line.signed && (
                  <details className="line-comment">
                    <summary>Comment on this line</summary>
                    <ActionForm action={actions.comment} toast="Comment sent.">
                      {hiddenInputs}
                      <input type="hidden" name="lineId" value={line.id} />
                      <Field name="body" label="Your comment" inputId={`comment-${line.id}`}>
                        <textarea id={`comment-${line.id}`} name="body" rows={3} maxLength={2000} />
                      </Field>
                      <SubmitButton variant="secondary">Send comment</SubmitButton>
                    </ActionForm>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
        {estimate.approved && estimate.lines.length > 0 && (
          <dl className="details estimate-totals" data-testid="approved-totals">
            <dt>Approved, before tax</dt>
            <dd>{money(estimate.approved.net)}</dd>
            <dt>Tax</dt>
            <dd>{money(estimate.approved.tax)}</dd>
            <dt>Approved total</dt>
            <dd className="line-card-total">{money(estimate.approved.gross)}</dd>
          </dl>
        )}
      </section>
      {estimate.signature && (
        <section className="card" aria-label="Signature" data-testid="signature-summary">
          <h2>Signed</h2>
          <p>
            Signed by <strong>{estimate.signature.signerName}</strong>
            {estimate.signature.method === "TYPED" ? " (typed name)" : ""} on{" "}
            {formatStamp(estimate.signature.signedAt, clock)}.
          </p>
          {!estimate.signature.current && (
            <p className="alert alert-warning">
              The signature covers an earlier version of this estimate: the lines marked “Changed since you signed” are
              new.
            </p>
          )}
          <p className="hint">
            Fingerprint of what was signed (SHA-256): <code className="hash">{estimate.signature.contentHash}</code>
          </p>
        </section>
      )}
      {estimate.signing?.needed && (
        <section className="card" aria-labelledby="terms-heading">
          <h2 id="terms-heading">Terms</h2>
          {estimate.terms ? (
            <div className="prewrap terms" data-testid="estimate-terms">
              {estimate.terms}
            </div>
          ) : (
            <p className="muted">No further terms.</p>
          )}
          {actions &&
            (estimate.signing.ready ? (
              <SignEstimateForm
                action={actions.sign}
                hidden={hidden}
                hash={estimate.signing.hash}
                withTerms={Boolean(estimate.terms)}
              />
            ) : (
              <p className="alert alert-info">Approve or reject every line above, then sign here.</p>
            ))}
        </section>
      )}
    </>
  );
}

function LineConversation({ comments, clock }: { comments: TPortalEstimate["comments"]; clock: TReaderClock }) {
  if (comments.length === 0) return null;
  return (
    <ul className="comment-list" aria-label="Comments on this line">
      {comments.map((comment) => (
        <li key={comment.id} className={`comment comment-${comment.author.toLowerCase()}`} data-testid="line-comment">
          <small className="hint">
            {comment.authorName}, {formatStamp(comment.createdAt, clock)}
          </small>
          {comment.body === null ? (
            <p className="muted">Comment deleted by {comment.deletedByName}.</p>
          ) : (
            <p className="prewrap">{comment.body}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
