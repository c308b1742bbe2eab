"use client";

import { Field, SubmitButton } from "@/components/ui/action-form";

// A line as the customer's page shows it, every word and amount formatted on the server:
// the list is one client piece fed with plain data, so a long estimate's page sends its
// lines once as data rather than as a tree of elements.
export type TLineCard = {
  id: string;
  description: string;
  decision: "PENDING" | "APPROVED" | "REJECTED";
  // "3 hours" in the work authorization view; "3 hours × £60.50 + 20 % tax (£36.30) = " and
  // the total in the estimate view.
  facts: string;
  total: string | null;
  changed: string | null;
  signed: boolean;
  controls: boolean;
  comments: { id: string; author: string; heading: string; body: string | null; deleted: string }[];
};

const DECISION_WORDS = {
  PENDING: { label: "Awaiting your decision", badge: "badge-warning" },
  APPROVED: { label: "Approved", badge: "badge-success" },
  REJECTED: { label: "Rejected", badge: "badge-danger" },
} as const;

export function LineCards({ lines }: { lines: TLineCard[] }) {
  return (
    <ol className="line-cards">
      {lines.map((line) => (
        <LineCard key={line.id} line={line} />
      ))}
    </ol>
  );
}

function LineCard({ line }: { line: TLineCard }) {
  const words = DECISION_WORDS[line.decision];
  return (
    <li className="line-card" data-testid="customer-line" aria-label={line.description}>
      <div className="line-card-head">
        <h3>{line.description}</h3>
        <span className={`badge ${words.badge}`} data-testid="line-decision">
          {words.label}
        </span>
      </div>
      <p className="line-card-facts">
        {line.facts}
        {line.total && <strong className="line-card-total">{line.total}</strong>}
      </p>
      {line.changed && (
        <p className="alert alert-info" data-testid="changed-since-signing">
          {line.changed}
        </p>
      )}
      {line.signed && <p className="hint">Signed: this decision is final.</p>}
      {line.controls && (
        <div className="button-row decision-buttons">
          {line.decision !== "APPROVED" && (
            <SubmitButton name="act" value={`APPROVED:${line.id}`}>
              Approve
            </SubmitButton>
          )}
          {line.decision !== "REJECTED" && (
            <SubmitButton name="act" value={`REJECTED:${line.id}`} variant="secondary">
              Reject
            </SubmitButton>
          )}
          {line.decision !== "PENDING" && (
            <SubmitButton name="act" value={`PENDING:${line.id}`} variant="secondary">
              Clear my decision
            </SubmitButton>
          )}
        </div>
      )}
      {line.comments.length > 0 && (
        <ul className="comment-list" aria-label="Comments on this line">
          {line.comments.map((comment) => (
            <li key={comment.id} className={`comment comment-${comment.author}`} data-testid="line-comment">
              <small className="hint">{comment.heading}</small>
              {comment.body === null ? (
                <p className="muted">{comment.deleted}</p>
              ) : (
                <p className="prewrap">{comment.body}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {line.controls && (
        <details className="line-comment">
          <summary>Comment on this line</summary>
          <Field
            name={`comment.${line.id}`}
            label="Your comment (sent with your decision, or on its own)"
            inputId={`comment-${line.id}`}
          >
            <textarea id={`comment-${line.id}`} name={`comment.${line.id}`} rows={3} maxLength={2000} />
          </Field>
          <SubmitButton name="act" value={`COMMENT:${line.id}`} variant="secondary">
            Send comment
          </SubmitButton>
        </details>
      )}
    </li>
  );
}
