import { QuantityUnitFields } from "@/components/billing/quantity-unit-fields";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import type { TActionResult } from "@/lib/actions/result";
import { LINE_TYPES } from "@/lib/invoices/schemas";

type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
type TLine = {
  id: string;
  description: string;
  quantity: { toString(): string };
  unitCode: string;
  unitPrice: { toString(): string } | null;
  taxPercent: { toString(): string };
  estimateLineId: string | null;
};

// Adds a line to an invoice (choosing what it bills) or changes one, optionally naming
// the approved estimate line it bills.
export function InvoiceLineForm({
  invoiceId,
  currency,
  defaultTaxPercent,
  estimateLines,
  line,
  action,
}: {
  invoiceId: string;
  currency: string;
  defaultTaxPercent: string;
  estimateLines: { id: string; position: number; description: string }[];
  line?: TLine;
  action: TAction;
}) {
  const id = line ? `line-${line.id}` : "new-line";
  return (
    <ActionForm
      action={action}
      toast={line ? "Line changed." : undefined}
      successMessage={line ? undefined : "Line added."}
      testId={line ? "invoice-line-edit-form" : "invoice-line-form"}
    >
      <input type="hidden" name="invoiceId" value={invoiceId} />
      {line ? (
        <input type="hidden" name="lineId" value={line.id} />
      ) : (
        <Field name="lineType" label="What it bills" inputId={`${id}-type`}>
          <select id={`${id}-type`} name="lineType" defaultValue="OTHER">
            {Object.entries(LINE_TYPES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field name="description" label="Description" inputId={`${id}-description`}>
        <input id={`${id}-description`} name="description" defaultValue={line?.description} />
      </Field>
      <div className="field-row">
        <QuantityUnitFields
          idPrefix={id}
          defaultUnit={line?.unitCode ?? "C62"}
          defaultQuantity={line?.quantity.toString()}
        />
        <Field name="unitPrice" label={`Unit price, ${currency}`} inputId={`${id}-price`}>
          <input
            id={`${id}-price`}
            name="unitPrice"
            inputMode="decimal"
            defaultValue={line?.unitPrice?.toString() ?? ""}
          />
        </Field>
        <Field name="taxPercent" label="Tax, %" inputId={`${id}-tax`} hint={`Empty: ${defaultTaxPercent} %`}>
          <input
            id={`${id}-tax`}
            name="taxPercent"
            inputMode="decimal"
            placeholder={defaultTaxPercent}
            defaultValue={line?.taxPercent.toString() ?? ""}
          />
        </Field>
      </div>
      {estimateLines.length > 0 && (
        <Field name="estimateLineId" label="Bills estimate line" inputId={`${id}-estimate`}>
          <select id={`${id}-estimate`} name="estimateLineId" defaultValue={line?.estimateLineId ?? ""}>
            <option value="">None (not in the approved estimate)</option>
            {estimateLines.map((e) => (
              <option key={e.id} value={e.id}>
                {e.position}. {e.description}
              </option>
            ))}
          </select>
        </Field>
      )}
      <SubmitButton variant={line ? "primary" : "secondary"}>{line ? "Save line" : "Add line"}</SubmitButton>
    </ActionForm>
  );
}
