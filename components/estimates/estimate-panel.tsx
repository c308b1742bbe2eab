import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { DialogButton } from "@/components/ui/dialog";
import { TableScroll } from "@/components/ui/table-scroll";
import type { TActionResult } from "@/lib/actions/result";
import { QuantityUnitFields } from "@/components/billing/quantity-unit-fields";
import { quantityInWords } from "@/lib/billing/unit-codes";
import type { listEstimateLines } from "@/lib/estimates/list-estimate-lines";
import { formatMoney } from "@/lib/money/format-money";
import { LineComments } from "./line-comments";
import { CustomerDecision } from "./customer-decision";
import type { TReaderClock } from "@/lib/time/reader-zone";

type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
type TEstimate = Awaited<ReturnType<typeof listEstimateLines>>;
type TLine = TEstimate["lines"][number];

// The work order's estimate: each line with both decisions (the manager's approval and the
// customer's), which lines count (the not-to-exceed is their net), the drafts, the
// customer's conversation per line, and the forms to add, change, remove and approve lines.
export function EstimatePanel({
  workOrderId,
  estimate,
  currency,
  defaultTaxPercent,
  canWrite,
  canApprove,
  actions,
  clock,
}: {
  clock: TReaderClock;
  workOrderId: string;
  estimate: TEstimate;
  currency: string;
  defaultTaxPercent: string;
  canWrite: boolean;
  canApprove: boolean;
  actions: {
    add: TAction;
    remove: TAction;
    approve: TAction;
    revise: TAction;
    reply?: TAction;
    deleteComment?: TAction;
  };
}) {
  const drafts = estimate.lines.filter((line) => !line.approvedAt);
  const money = (amount: Parameters<typeof formatMoney>[0]) => formatMoney(amount, currency);
  const waitingVersion = (line: TLine) =>
    line.approvedAt ? estimate.lines.find((other) => other.lineKey === line.lineKey && !other.approvedAt) : undefined;
  return (
    <section className="card" aria-label="Estimate">
      <h2>Estimate</h2>
      <p className="hint">
        {estimate.rule.requireCustomerApproval
          ? "A line counts once a manager and the customer have both approved it."
          : "A line counts once a manager approves it; the customer's decision is recorded beside it."}
      </p>
      {estimate.lines.length === 0 ? (
        <p className="muted">
          No estimate yet. Add the lines you expect to pay for: approved lines set the not-to-exceed amount, and the
          contractor&apos;s invoice is checked against them.
        </p>
      ) : (
        <TableScroll label="Estimate lines">
          <table className="table" aria-label="Estimate lines">
            <thead>
              <tr>
                <th>Description</th>
                <th className="num">Quantity</th>
                <th className="num">Unit price</th>
                <th className="num">Tax</th>
                <th className="num">Net</th>
                <th>Manager</th>
                <th>Customer</th>
                {canWrite && <th aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {estimate.lines.map((line) => (
                <tr key={line.id} data-testid="estimate-line" className={line.counted ? undefined : "row-muted"}>
                  <td>
                    {line.description}
                    {line.version > 1 && <small className="hint"> (version {line.version})</small>}
                    <LineComments
                      comments={estimate.comments.filter((c) => c.lineKey === line.lineKey)}
                      lineId={line.id}
                      reply={line.approvedAt ? actions.reply : undefined}
                      remove={actions.deleteComment}
                      clock={clock}
                    />
                  </td>
                  <td className="num">{quantityInWords(line.quantity, line.unitCode)}</td>
                  <td className="num">{money(line.unitPrice)}</td>
                  <td className="num">{line.taxPercent.toString()} %</td>
                  <td className="num">{money(line.amounts.net)}</td>
                  <td>
                    {line.approvedAt ? (
                      <span className="badge badge-success">Approved</span>
                    ) : line.version > 1 ? (
                      <span className="badge badge-warning">Change to approve</span>
                    ) : (
                      <span className="badge badge-neutral">Draft</span>
                    )}
                  </td>
                  <td>
                    {line.approvedAt ? (
                      <CustomerDecision
                        decision={line.decision}
                        comment={line.comment}
                        signed={estimate.signature?.signedIds.includes(line.id) ?? false}
                      />
                    ) : (
                      <span className="muted">Not sent yet</span>
                    )}
                  </td>
                  {canWrite && (
                    <td>
                      <div className="button-row">
                        {!line.approvedAt && (
                          <ActionForm action={actions.remove} className="inline-form" toast="Line removed.">
                            <input type="hidden" name="lineId" value={line.id} />
                            <SubmitButton variant="secondary">Remove</SubmitButton>
                          </ActionForm>
                        )}
                        {!waitingVersion(line) && (
                          <ChangeLine
                            line={line}
                            currency={currency}
                            defaultTaxPercent={defaultTaxPercent}
                            action={actions.revise}
                          />
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  Counted, before tax (the not-to-exceed amount)
                </th>
                <td className="num" data-testid="estimate-approved-net">
                  {money(estimate.counted.net)}
                </td>
                <td colSpan={canWrite ? 3 : 2}>{money(estimate.counted.gross)} with tax</td>
              </tr>
              {drafts.length > 0 && (
                <tr>
                  <th scope="row" colSpan={4}>
                    Drafts, before tax
                  </th>
                  <td className="num" data-testid="estimate-draft-net">
                    {money(estimate.drafts.net)}
                  </td>
                  <td colSpan={canWrite ? 3 : 2}>{money(estimate.drafts.gross)} with tax</td>
                </tr>
              )}
            </tfoot>
          </table>
        </TableScroll>
      )}
      {estimate.signature && (
        <p className="alert alert-info" data-testid="staff-signature-summary">
          Signed by the customer as {estimate.signature.signerName}
          {estimate.signature.method === "TYPED" ? " (typed name)" : ""}; fingerprint{" "}
          <code className="hash">{estimate.signature.contentHash.slice(0, 16)}…</code>.
          {estimate.lines.some((line) => line.approvedAt && !estimate.signature!.signedIds.includes(line.id)) &&
            " Lines changed since await the customer's decision."}
        </p>
      )}
      {estimate.history.length > 0 && (
        <details>
          <summary>Earlier versions ({estimate.history.length})</summary>
          <ul className="plain-list" data-testid="estimate-history">
            {estimate.history.map((old) => (
              <li key={old.id}>
                {old.description}, version {old.version}: {quantityInWords(old.quantity, old.unitCode)} at{" "}
                {money(old.unitPrice)}; customer: {old.decision.toLowerCase()}
              </li>
            ))}
          </ul>
        </details>
      )}
      {drafts.length > 0 &&
        (canApprove ? (
          <DialogButton
            label={`Approve ${drafts.length === 1 ? "the draft line" : `${drafts.length} draft lines`}…`}
            title="Approve the estimate?"
            variant="primary"
          >
            <p>
              {estimate.rule.requireCustomerApproval
                ? "The lines go to the customer for their decision; each counts towards the not-to-exceed once they approve it."
                : `The not-to-exceed amount becomes ${money(estimate.counted.net.plus(estimate.drafts.net))} before tax, and the contractor holding the task is emailed.`}{" "}
              Approved lines are never edited: a change makes a new version to approve.
            </p>
            <ActionForm action={actions.approve} toast="Estimate approved.">
              <input type="hidden" name="workOrderId" value={workOrderId} />
              {drafts.map((line) => (
                <input key={line.id} type="hidden" name="lineIds" value={line.id} />
              ))}
              <SubmitButton>Approve</SubmitButton>
            </ActionForm>
          </DialogButton>
        ) : (
          <p className="muted">A manager or an admin approves the draft lines.</p>
        ))}
      {canWrite && (
        <DialogButton label="Add a line…" title="Add an estimate line" wide>
          <ActionForm
            action={actions.add}
            successMessage="Line added as a draft."
            testId="estimate-line-form"
            keepDialogOpen
          >
            <input type="hidden" name="workOrderId" value={workOrderId} />
            <LineFields idPrefix="estimate" currency={currency} defaultTaxPercent={defaultTaxPercent} />
            <SubmitButton variant="secondary">Add line</SubmitButton>
          </ActionForm>
        </DialogButton>
      )}
    </section>
  );
}

function LineFields({
  idPrefix,
  currency,
  defaultTaxPercent,
  line,
}: {
  idPrefix: string;
  currency: string;
  defaultTaxPercent: string;
  line?: TLine;
}) {
  return (
    <>
      <Field name="description" label="Description" inputId={`${idPrefix}-description`}>
        <input
          id={`${idPrefix}-description`}
          name="description"
          placeholder="Labour, replace valve"
          defaultValue={line?.description}
        />
      </Field>
      <div className="field-row">
        <QuantityUnitFields
          idPrefix={idPrefix}
          defaultUnit={line?.unitCode ?? "HUR"}
          defaultQuantity={line?.quantity.toString()}
        />
        <Field name="unitPrice" label={`Unit price, ${currency}`} inputId={`${idPrefix}-price`}>
          <input
            id={`${idPrefix}-price`}
            name="unitPrice"
            inputMode="decimal"
            defaultValue={line?.unitPrice.toString()}
          />
        </Field>
        <Field name="taxPercent" label="Tax, %" inputId={`${idPrefix}-tax`} hint={`Empty: ${defaultTaxPercent} %`}>
          <input
            id={`${idPrefix}-tax`}
            name="taxPercent"
            inputMode="decimal"
            placeholder={defaultTaxPercent}
            defaultValue={line?.taxPercent.toString()}
          />
        </Field>
      </div>
    </>
  );
}

// A draft changes in place; an approved line's change is a new version to approve.
function ChangeLine({
  line,
  currency,
  defaultTaxPercent,
  action,
}: {
  line: TLine;
  currency: string;
  defaultTaxPercent: string;
  action: TAction;
}) {
  return (
    <DialogButton label="Change…" title={`Change “${line.description}”`} wide>
      {line.approvedAt && (
        <p className="hint">
          This line is approved, so it is not edited: your change becomes a new version that needs a manager&apos;s
          approval{line.decision !== "PENDING" ? " and the customer's decision again" : ""}. Until then the approved
          version stands.
        </p>
      )}
      <ActionForm action={action} toast={line.approvedAt ? "New version saved as a draft." : "Line changed."}>
        <input type="hidden" name="lineId" value={line.id} />
        <LineFields
          idPrefix={`revise-${line.id}`}
          currency={currency}
          defaultTaxPercent={defaultTaxPercent}
          line={line}
        />
        <SubmitButton>{line.approvedAt ? "Save as a new version" : "Save"}</SubmitButton>
      </ActionForm>
    </DialogButton>
  );
}
