import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import type { TActionResult } from "@/lib/actions/result";

type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
export type TRateCardValues = {
  normalRate: string;
  overtimeRate: string;
  calloutRate: string;
  travelRate: string;
  calloutFee: string;
  materialMarkupPercent: string;
  validFrom: string;
  validTo: string;
};

// Terms as one side proposes them, or counters the other's (answersId).
export function RateCardForm({
  action,
  partyId,
  currency,
  trades,
  answersId,
  values,
  idPrefix,
  submitLabel,
}: {
  action: TAction;
  partyId: string;
  currency: string;
  // Staff may make a card for one trade; a counter keeps the trade of what it answers.
  trades?: { id: string; name: string }[];
  answersId?: string;
  values?: TRateCardValues;
  idPrefix: string;
  submitLabel: string;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const money = (name: keyof TRateCardValues, label: string) => (
    <Field name={name} label={`${label}, ${currency}`} inputId={id(name)}>
      <input id={id(name)} name={name} inputMode="decimal" defaultValue={values?.[name]} />
    </Field>
  );
  return (
    <ActionForm
      action={action}
      toast="Proposal sent; the other side accepts or counters it."
      testId={`${idPrefix}-form`}
    >
      <input type="hidden" name="partyId" value={partyId} />
      {answersId && <input type="hidden" name="answersId" value={answersId} />}
      {trades && trades.length > 0 && !answersId && (
        <Field name="categoryId" label="Trade" inputId={id("trade")}>
          <select id={id("trade")} name="categoryId" defaultValue="">
            <option value="">Every trade</option>
            {trades.map((trade) => (
              <option key={trade.id} value={trade.id}>
                {trade.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="field-row">
        {money("normalRate", "Normal, per hour")}
        {money("overtimeRate", "Overtime, per hour")}
        {money("calloutRate", "Call-out, per hour")}
        {money("travelRate", "Travel, per hour")}
      </div>
      <div className="field-row">
        {money("calloutFee", "Call-out fee")}
        <Field name="materialMarkupPercent" label="Material markup, %" inputId={id("markup")}>
          <input
            id={id("markup")}
            name="materialMarkupPercent"
            inputMode="decimal"
            defaultValue={values?.materialMarkupPercent}
          />
        </Field>
        <Field name="validFrom" label="From" inputId={id("from")}>
          <input id={id("from")} name="validFrom" type="date" defaultValue={values?.validFrom} />
        </Field>
        <Field name="validTo" label="Until (optional)" inputId={id("to")}>
          <input id={id("to")} name="validTo" type="date" defaultValue={values?.validTo} />
        </Field>
      </div>
      <Field name="note" label="Note (optional)" inputId={id("note")}>
        <input id={id("note")} name="note" />
      </Field>
      <SubmitButton>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
