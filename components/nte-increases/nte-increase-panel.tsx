import { QuantityUnitFields } from "@/components/billing/quantity-unit-fields";
import { DialogButton } from "@/components/ui/dialog";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { StatusBadge } from "@/components/ui/status-badge";
import { nteIncreaseStatusWords } from "@/lib/statuses/status-words";
import type { TActionResult } from "@/lib/actions/result";
import { quantityInWords } from "@/lib/billing/unit-codes";
import { formatMoney } from "@/lib/money/format-money";
import type { listNteIncreases } from "@/lib/nte-increases/list-nte-increases";

type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
type TRequests = Awaited<ReturnType<typeof listNteIncreases>>;

const ROWS = 3;

// Requests for a higher not-to-exceed on a task: the Desk asks (a reason and the extra
// lines), staff approve or reject a waiting one; every request stays listed.
export function NteIncreasePanel({
  requests,
  currency,
  ask,
  decide,
}: {
  requests: TRequests;
  currency: string;
  ask?: { assignmentId: string; action: TAction };
  decide?: TAction;
}) {
  const waiting = requests.some((r) => r.status === "PENDING");
  if (requests.length === 0 && !ask) return null;
  return (
    <section className="card" aria-label="Not-to-exceed increases">
      <h2>Not-to-exceed increases</h2>
      {requests.map((request) => (
        <article key={request.id} className="stack" data-testid="nte-request">
          <p>
            <StatusBadge words={nteIncreaseStatusWords(request.status)} /> From{" "}
            {formatMoney(request.currentNotToExceed, currency)} to{" "}
            <strong>{formatMoney(request.requestedNotToExceed, currency)}</strong> before tax: “{request.reason}”
          </p>
          <ul>
            {request.lines.map((line, index) => (
              <li key={index}>
                {line.description}: {quantityInWords(line.quantity, line.unitCode)} ×{" "}
                {formatMoney(line.unitPrice, currency)}
              </li>
            ))}
          </ul>
          {request.decisionNote && <p className="muted">Note: {request.decisionNote}</p>}
          {decide && request.status === "PENDING" && (
            <ActionForm
              action={decide}
              toast="Decision recorded; the contractor has been emailed."
              testId="nte-decide-form"
            >
              <input type="hidden" name="requestId" value={request.id} />
              <Field name="note" label="Note to the contractor (needed to reject)" inputId={`nte-note-${request.id}`}>
                <textarea id={`nte-note-${request.id}`} name="note" rows={1} />
              </Field>
              <div className="button-row">
                <SubmitButton name="decision" value="approve">
                  Approve the increase
                </SubmitButton>
                <SubmitButton name="decision" value="reject" variant="danger">
                  Reject
                </SubmitButton>
              </div>
            </ActionForm>
          )}
        </article>
      ))}
      {ask && !waiting && (
        <DialogButton label="Ask for a higher not-to-exceed…" title="Ask for a higher not-to-exceed" wide>
          <ActionForm
            action={ask.action}
            successMessage="Request sent; the client has been emailed."
            testId="nte-request-form"
          >
            <input type="hidden" name="assignmentId" value={ask.assignmentId} />
            <Field name="reason" label="Why the work needs more" inputId="nte-reason">
              <textarea id="nte-reason" name="reason" rows={2} />
            </Field>
            <Field name="lines" label="">
              <span />
            </Field>
            {Array.from({ length: ROWS }, (_, row) => (
              <fieldset key={row} className="field-row">
                <legend>
                  Extra line {row + 1}
                  {row > 0 ? " (optional)" : ""}
                </legend>
                <Field name={`lines.${row}.description`} label="Description" inputId={`nte-${row}-description`}>
                  <input id={`nte-${row}-description`} name={`lines.${row}.description`} />
                </Field>
                <QuantityUnitFields idPrefix={`nte-${row}`} defaultUnit="C62" namePrefix={`lines.${row}.`} />
                <Field name={`lines.${row}.unitPrice`} label={`Unit price, ${currency}`} inputId={`nte-${row}-price`}>
                  <input id={`nte-${row}-price`} name={`lines.${row}.unitPrice`} inputMode="decimal" />
                </Field>
                <input type="hidden" name={`lines.${row}.taxPercent`} value="" />
              </fieldset>
            ))}
            <SubmitButton>Send the request</SubmitButton>
          </ActionForm>
        </DialogButton>
      )}
    </section>
  );
}
