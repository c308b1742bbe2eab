import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { DialogButton } from "@/components/ui/dialog";
import type { TActionResult } from "@/lib/actions/result";
import { APPROVAL_RULE } from "@/lib/invoices/approval-rule";
import type { getInvoice } from "@/lib/invoices/get-invoice";
import { formatMoney } from "@/lib/money/format-money";

type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
type TInvoice = Awaited<ReturnType<typeof getInvoice>>;

// Staff's decisions on a submitted invoice: approve (stating the one rule about the
// work's review), dispute lines with a reason each, reject; then mark an approved one paid.
export function InvoiceDecision({
  invoice,
  today,
  actions,
}: {
  invoice: TInvoice;
  today: string;
  actions: { approve: TAction; dispute: TAction; reject: TAction; paid: TAction };
}) {
  const overLimit = invoice.invoiceDifferences.find((d) => d.code === "over_not_to_exceed");
  const revision = <input type="hidden" name="revision" value={invoice.revision} />;
  const id = <input type="hidden" name="invoiceId" value={invoice.id} />;
  if (invoice.status === "APPROVED")
    return (
      <section className="card" aria-label="Payment">
        <h2>Payment</h2>
        <ActionForm action={actions.paid} toast="Invoice marked paid." testId="invoice-paid-form">
          {id}
          <div className="field-row">
            <Field name="paidOn" label="Paid on">
              <input id="paidOn" name="paidOn" type="date" defaultValue={today} />
            </Field>
            <Field name="reference" label="Payment reference (optional)">
              <input id="reference" name="reference" />
            </Field>
          </div>
          <SubmitButton variant="secondary">Mark paid</SubmitButton>
        </ActionForm>
      </section>
    );
  if (invoice.status !== "SUBMITTED") return null;
  return (
    <section className="card decision" aria-label="Decision">
      <h2>Decide</h2>
      <p className="muted">{APPROVAL_RULE}</p>
      {overLimit && (
        <p className="alert alert-warning">
          It cannot be approved yet: {overLimit.reason}. The not-to-exceed amount must be raised first; the contractor
          can ask for an increase from its Desk.
        </p>
      )}
      <div className="button-row">
        {!overLimit && (
          <DialogButton label="Approve…" title={`Approve invoice ${invoice.number}?`} variant="primary">
            <p>
              {formatMoney(invoice.totals.gross, invoice.currency)} with tax
              {invoice.differences.length > 0 &&
                `, with ${invoice.differences.length} difference${invoice.differences.length === 1 ? "" : "s"} flagged`}
              . {APPROVAL_RULE}
            </p>
            <ActionForm action={actions.approve} toast="Invoice approved; the task is invoiced.">
              {id}
              {revision}
              <SubmitButton>Approve invoice</SubmitButton>
            </ActionForm>
          </DialogButton>
        )}
        <DialogButton label="Dispute lines…" title={`Dispute invoice ${invoice.number}`}>
          <p className="muted">
            Give a reason beside each line you dispute; leave the others empty. The contractor is emailed and revises.
          </p>
          <ActionForm
            action={actions.dispute}
            toast="Invoice disputed; the contractor has been emailed."
            testId="dispute-form"
          >
            {id}
            {revision}
            {invoice.lines.map((line) => (
              <Field
                key={line.id}
                name={`reason.${line.id}`}
                label={`Line ${line.position}: ${line.description} (${formatMoney(line.amounts.net, invoice.currency)})`}
                inputId={`dispute-${line.id}`}
                hint={line.differences.map((d) => d.reason).join("; ") || undefined}
              >
                <textarea id={`dispute-${line.id}`} name={`reason.${line.id}`} rows={1} />
              </Field>
            ))}
            <SubmitButton>Send the dispute</SubmitButton>
          </ActionForm>
        </DialogButton>
        <DialogButton label="Reject…" title={`Reject invoice ${invoice.number}?`} variant="danger">
          <p className="muted">
            A rejected invoice is closed and no longer counts towards the not-to-exceed amount. To have it corrected,
            dispute its lines instead.
          </p>
          <ActionForm action={actions.reject} toast="Invoice rejected; the contractor has been emailed.">
            {id}
            {revision}
            <Field name="reason" label="Reason">
              <textarea id="reject-reason" name="reason" rows={2} />
            </Field>
            <SubmitButton variant="danger">Reject invoice</SubmitButton>
          </ActionForm>
        </DialogButton>
      </div>
    </section>
  );
}
