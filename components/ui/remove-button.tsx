import { ActionForm, type TFormAction } from "./action-form";

// One item's Remove in a settings list: a small form posting the item's id under its name.
export function RemoveButton({
  action,
  field,
  id,
  itemName,
}: {
  action: TFormAction;
  field: string;
  id: string;
  itemName: string;
}) {
  return (
    <ActionForm action={action} className="inline">
      <input type="hidden" name={field} value={id} />
      <button type="submit" className="button button-ghost button-small" aria-label={`Remove ${itemName}`}>
        Remove
      </button>
    </ActionForm>
  );
}
