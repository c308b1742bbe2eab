import { ActionForm, type TFormAction } from "@/components/ui/action-form";
import { formatStamp } from "@/components/ui/format";
import { quantityInWords } from "@/lib/billing/unit-codes";
import type { TPortalEstimate } from "@/lib/portal/get-portal-estimate";
import { formatMoney } from "@/lib/money/format-money";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { LineCards, type TLineCard } from "./line-cards";
import { SignEstimateForm } from "./sign-estimate-form";

type TActions = { line: TFormAction; sign: TFormAction };

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
  const cards = (
    <LineCards
      lines={estimate.lines.map((line) =>
        lineCard(
          line,
          estimate.comments.filter((comment) => comment.lineKey === line.lineKey),
          clock,
          money,
          Boolean(actions) && !line.signed,
        ),
      )}
    />
  );
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
        {/* One form for every line: each button says which line and what (a long estimate
            renders and sends one form, not one per line). */}
        {actions ? (
          <ActionForm action={actions.line} className="estimate-form" testId="estimate-form">
            {Object.entries(hidden).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            {cards}
          </ActionForm>
        ) : (
          cards
        )}
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

type TLine = TPortalEstimate["lines"][number];

// A line's card, its words and amounts made here on the server.
function lineCard(
  line: TLine,
  comments: TPortalEstimate["comments"],
  clock: TReaderClock,
  money: (value: Parameters<typeof formatMoney>[0]) => string,
  controls: boolean,
): TLineCard {
  const quantity = quantityInWords(line.quantity, line.unitCode);
  const earlier = line.changedSinceSigning;
  return {
    id: line.id,
    description: line.description,
    decision: line.decision,
    facts: line.prices
      ? `${quantity} × ${money(line.prices.unitPrice)} + ${Number(line.prices.taxPercent)} % tax (${money(line.prices.tax)}) = `
      : quantity,
    total: line.prices ? money(line.prices.gross) : null,
    changed: earlier
      ? `Changed since you signed: it was “${earlier.description}”, ${Number(earlier.quantity)}${"unitPrice" in earlier && earlier.unitPrice ? ` at ${money(earlier.unitPrice)}` : ""}. It needs your decision again.`
      : null,
    signed: line.signed,
    controls,
    comments: comments.map((comment) => ({
      id: comment.id,
      author: comment.author.toLowerCase(),
      heading: `${comment.authorName}, ${formatStamp(comment.createdAt, clock)}`,
      body: comment.body,
      deleted: `Comment deleted by ${comment.deletedByName}.`,
    })),
  };
}
