import { LineRows } from "@/components/billing/line-rows";
import { ActionForm, Field, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { DialogButton } from "@/components/ui/dialog";
import type { TCustomerInvoice } from "@/lib/customer-invoices/list-customer-invoices";
import { MAX_ADDED_LINES } from "@/lib/customer-invoices/schemas";
import { CustomerInvoiceView } from "./customer-invoice-view";

// The organisation's invoice to its customer, on the work order: issue it once the work
// is completed (the counted lines at customer prices, and lines the manager adds), read
// and download each, and correct one (it is cancelled and a new one issued; both stay).
export function CustomerInvoicePanel({
  workOrderId,
  invoices,
  zone,
  currency,
  issue,
  completed,
  defaultTaxPercent,
}: {
  defaultTaxPercent: string;
  workOrderId: string;
  invoices: TCustomerInvoice[];
  zone: string;
  currency: string;
  issue?: TFormAction;
  completed: boolean;
}) {
  const standing = invoices.find((invoice) => invoice.status === "ISSUED");
  const form = (replaces?: TCustomerInvoice) => (
    <ActionForm action={issue!} toast={replaces ? "Corrected: a new invoice was issued." : "Invoice issued."}>
      <input type="hidden" name="workOrderId" value={workOrderId} />
      {replaces && (
        <>
          <input type="hidden" name="replacesId" value={replaces.id} />
          <Field name="reason" label="Why it is corrected" inputId={`reason-${replaces.id}`}>
            <input id={`reason-${replaces.id}`} name="reason" maxLength={500} />
          </Field>
        </>
      )}
      <p className="hint">
        The invoice holds the counted estimate lines at customer prices, and any lines you add below. It takes the next
        customer-invoice number and cannot change once issued.
      </p>
      <LineRows
        initial={[]}
        currency={currency}
        max={MAX_ADDED_LINES}
        legend="Lines to add (optional)"
        defaultTaxPercent={defaultTaxPercent}
      />
      <SubmitButton>
        {replaces ? `Cancel ${replaces.number} and issue a new invoice` : "Issue the invoice"}
      </SubmitButton>
    </ActionForm>
  );
  return (
    <section className="card" aria-labelledby="customer-invoice-heading">
      <div className="card-heading">
        <h2 id="customer-invoice-heading">Invoice to the customer</h2>
        {issue && completed && !standing && (
          <DialogButton label="Issue the invoice…" title="Issue the customer invoice" wide variant="primary">
            {form()}
          </DialogButton>
        )}
        {issue && standing && (
          <DialogButton label="Correct…" title={`Correct invoice ${standing.number}`} wide>
            {form(standing)}
          </DialogButton>
        )}
      </div>
      {invoices.length === 0 && (
        <p className="muted">
          {completed
            ? "Not issued yet."
            : "Issued once the work is completed, from the counted estimate lines at customer prices."}
        </p>
      )}
      {invoices.map((invoice) => (
        <CustomerInvoiceView
          key={invoice.id}
          invoice={invoice}
          zone={zone}
          pdfHref={`/api/staff/work-orders/${workOrderId}/customer-invoices/${invoice.number}`}
        />
      ))}
    </section>
  );
}
