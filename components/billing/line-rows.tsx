"use client";
import { useState } from "react";
import { QuantityUnitFields } from "@/components/billing/quantity-unit-fields";
import { Field } from "@/components/ui/action-form";

export type TLineRowValues = {
  description: string;
  quantity: string;
  unitCode: string;
  unitPrice: string;
  taxPercent: string;
};

// Priced lines (a quote's, an invoice's added lines) as rows ("lines.0.unitPrice"), with a row added or taken away
// in place; an empty row is not sent as a line.
export function LineRows({
  initial,
  currency,
  max,
  legend = "Lines",
  defaultTaxPercent = "0",
}: {
  legend?: string;
  // What a new row's tax starts at.
  defaultTaxPercent?: string;
  initial: TLineRowValues[];
  currency: string;
  max: number;
}) {
  const [rows, setRows] = useState(() => (initial.length ? initial : [null]).map((line, key) => ({ key, line })));
  const [next, setNext] = useState(rows.length);
  return (
    <fieldset className="field-rows answer-lines">
      <legend>{legend}</legend>
      {rows.map(({ key, line }, i) => (
        <div className="answer-line" key={key} data-testid="answer-line">
          <Field
            name={`lines.${i}.description`}
            label={`Line ${i + 1}: description`}
            inputId={`line-${key}-description`}
          >
            <input id={`line-${key}-description`} name={`lines.${i}.description`} defaultValue={line?.description} />
          </Field>
          <div className="field-row">
            <QuantityUnitFields
              idPrefix={`line-${key}`}
              namePrefix={`lines.${i}.`}
              defaultUnit={line?.unitCode ?? "C62"}
              defaultQuantity={line?.quantity}
            />
            <Field name={`lines.${i}.unitPrice`} label={`Unit price, ${currency}`} inputId={`line-${key}-price`}>
              <input
                id={`line-${key}-price`}
                name={`lines.${i}.unitPrice`}
                inputMode="decimal"
                defaultValue={line?.unitPrice}
              />
            </Field>
            <Field name={`lines.${i}.taxPercent`} label="Tax, %" inputId={`line-${key}-tax`}>
              <input
                id={`line-${key}-tax`}
                name={`lines.${i}.taxPercent`}
                inputMode="decimal"
                defaultValue={line?.taxPercent ?? defaultTaxPercent}
              />
            </Field>
          </div>
          {rows.length > 1 && (
            <button
              type="button"
              className="button button-secondary"
              aria-label={`Remove line ${i + 1}`}
              onClick={() => setRows((now) => now.filter((r) => r.key !== key))}
            >
              Remove line
            </button>
          )}
        </div>
      ))}
      {rows.length < max && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setRows((now) => [...now, { key: next, line: null }]);
            setNext((n) => n + 1);
          }}
        >
          Add a line
        </button>
      )}
    </fieldset>
  );
}
