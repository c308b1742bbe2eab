import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { DialogButton } from "@/components/ui/dialog";
import { TableScroll } from "@/components/ui/table-scroll";
import type { TActionResult } from "@/lib/actions/result";
import { QuantityUnitFields } from "@/components/billing/quantity-unit-fields";
import { quantityInWords } from "@/lib/billing/unit-codes";
import type { listEstimateLines } from "@/lib/estimates/list-estimate-lines";
import { formatMoney } from "@/lib/money/format-money";

type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
type TEstimate = Awaited<ReturnType<typeof listEstimateLines>>;

// The work order's estimate: its lines, what is approved (the not-to-exceed amount) and
// what is still a draft, with the forms to add, remove and approve lines.
export function EstimatePanel({
  workOrderId,
  estimate,
  currency,
  defaultTaxPercent,
  canWrite,
  canApprove,
  actions,
}: {
  workOrderId: string;
  estimate: TEstimate;
  currency: string;
  defaultTaxPercent: string;
  canWrite: boolean;
  canApprove: boolean;
  actions: { add: TAction; remove: TAction; approve: TAction };
}) {
  const drafts = estimate.lines.filter((line) => !line.approvedAt);
  const money = (amount: Parameters<typeof formatMoney>[0]) => formatMoney(amount, currency);
  return (
    <section className="card" aria-label="Estimate">
      <h2>Estimate</h2>
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
                <th>Status</th>
                {canWrite && <th aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {estimate.lines.map((line) => (
                <tr key={line.id}>
                  <td>{line.description}</td>
                  <td className="num">{quantityInWords(line.quantity, line.unitCode)}</td>
                  <td className="num">{money(line.unitPrice)}</td>
                  <td className="num">{line.taxPercent.toString()} %</td>
                  <td className="num">{money(line.amounts.net)}</td>
                  <td>
                    {line.approvedAt ? (
                      <span className="badge badge-success">Approved</span>
                    ) : (
                      <span className="badge badge-neutral">Draft</span>
                    )}
                  </td>
                  {canWrite && (
                    <td>
                      {!line.approvedAt && (
                        <ActionForm action={actions.remove} className="inline-form" toast="Line removed.">
                          <input type="hidden" name="lineId" value={line.id} />
                          <SubmitButton variant="secondary">Remove</SubmitButton>
                        </ActionForm>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4}>
                  Approved, before tax (the not-to-exceed amount)
                </th>
                <td className="num" data-testid="estimate-approved-net">
                  {money(estimate.counted.net)}
                </td>
                <td colSpan={canWrite ? 2 : 1}>{money(estimate.counted.gross)} with tax</td>
              </tr>
              {drafts.length > 0 && (
                <tr>
                  <th scope="row" colSpan={4}>
                    Drafts, before tax
                  </th>
                  <td className="num" data-testid="estimate-draft-net">
                    {money(estimate.drafts.net)}
                  </td>
                  <td colSpan={canWrite ? 2 : 1}>{money(estimate.drafts.gross)} with tax</td>
                </tr>
              )}
            </tfoot>
          </table>
        </TableScroll>
      )}
      {drafts.length > 0 &&
        (canApprove ? (
          <DialogButton
            label={`Approve ${drafts.length === 1 ? "the draft line" : `${drafts.length} draft lines`}…`}
            title="Approve the estimate?"
            variant="primary"
          >
            <p>
              The not-to-exceed amount becomes {money(estimate.counted.net.plus(estimate.drafts.net))} before tax, and
              the contractor holding the task is emailed. Approved lines cannot be changed.
            </p>
            <ActionForm action={actions.approve} toast="Estimate approved; the not-to-exceed amount is set.">
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
            <Field name="description" label="Description" inputId="estimate-description">
              <input id="estimate-description" name="description" placeholder="Labour, replace valve" />
            </Field>
            <div className="field-row">
              <QuantityUnitFields idPrefix="estimate" defaultUnit="HUR" />
              <Field name="unitPrice" label={`Unit price, ${currency}`} inputId="estimate-price">
                <input id="estimate-price" name="unitPrice" inputMode="decimal" />
              </Field>
              <Field name="taxPercent" label="Tax, %" inputId="estimate-tax" hint={`Empty: ${defaultTaxPercent} %`}>
                <input id="estimate-tax" name="taxPercent" inputMode="decimal" placeholder={defaultTaxPercent} />
              </Field>
            </div>
            <SubmitButton variant="secondary">Add line</SubmitButton>
          </ActionForm>
        </DialogButton>
      )}
    </section>
  );
}
