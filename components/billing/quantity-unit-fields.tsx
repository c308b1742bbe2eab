import { Field } from "@/components/ui/action-form";
import { UNIT_CODES, UNIT_CODE_LIST, type TUnitCode } from "@/lib/billing/unit-codes";

// A line's quantity and its unit, side by side, as every priced line takes them. Forms
// with several lines name theirs "lines.0.quantity"; an edit form starts from the line's.
export function QuantityUnitFields({
  idPrefix,
  defaultUnit,
  defaultQuantity,
  namePrefix = "",
}: {
  idPrefix: string;
  defaultUnit: TUnitCode | string;
  defaultQuantity?: string;
  namePrefix?: string;
}) {
  return (
    <>
      <Field name={`${namePrefix}quantity`} label="Quantity" inputId={`${idPrefix}-quantity`}>
        <input
          id={`${idPrefix}-quantity`}
          name={`${namePrefix}quantity`}
          inputMode="decimal"
          defaultValue={defaultQuantity}
        />
      </Field>
      <Field name={`${namePrefix}unitCode`} label="Unit" inputId={`${idPrefix}-unit`}>
        <select id={`${idPrefix}-unit`} name={`${namePrefix}unitCode`} defaultValue={defaultUnit}>
          {UNIT_CODE_LIST.map((code) => (
            <option key={code} value={code}>
              {UNIT_CODES[code].many}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
