import type { TActionResult } from "@/lib/actions/result";
import { ActionForm, SubmitButton } from "./action-form";

// A list's "Columns" menu: the columns a person shows, remembered for them.
export function ColumnsChooser({
  action,
  columns,
  shown,
}: {
  action: (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
  columns: { value: string; label: string }[];
  shown: string[];
}) {
  return (
    <details className="columns-chooser">
      <summary>Columns</summary>
      <ActionForm action={action} testId="columns-form">
        {columns.map((column) => (
          <label key={column.value} className="checkbox">
            <input type="checkbox" name="columns" value={column.value} defaultChecked={shown.includes(column.value)} />{" "}
            {column.label}
          </label>
        ))}
        <SubmitButton variant="secondary">Save columns</SubmitButton>
      </ActionForm>
    </details>
  );
}
