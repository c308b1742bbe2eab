import { Field } from "@/components/ui/action-form";
import { UNIT_CODES, UNIT_CODE_LIST, type TUnitCode } from "@/lib/billing/unit-codes";

// A line's quantity and its unit, side by side, as every priced line takes them.
export function QuantityUnitFields({ idPrefix, defaultUnit }: { idPrefix: string; defaultUnit: TUnitCode }) {
  return (
    <>
      <Field name="quantity" label="Quantity" inputId={`${idPrefix}-quantity`}>
        <input id={`${idPrefix}-quantity`} name="quantity" inputMode="decimal" />
      </Field>
      <Field name="unitCode" label="Unit" inputId={`${idPrefix}-unit`}>
        <select id={`${idPrefix}-unit`} name="unitCode" defaultValue={defaultUnit}>
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
