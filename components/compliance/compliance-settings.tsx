import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { RemoveButton } from "@/components/ui/remove-button";
import {
  addDocumentTypeAction,
  removeDocumentTypeAction,
  setTradeRequirementsAction,
} from "@/app/(staff)/staff/actions";

type TComplianceSettings = {
  documentTypes: { id: string; name: string; requiredBy: number }[];
  trades: { id: string; name: string; requires: string[] }[];
};

// The compliance gate's settings: the organisation's own list of documents it asks of
// contractors, and which of them each trade requires before work of it is given out.
export function ComplianceSettings({ settings }: { settings: TComplianceSettings }) {
  return (
    <section className="card card-stack" aria-labelledby="compliance-title">
      <h2 id="compliance-title">Required documents</h2>
      <p className="muted">
        A contractor missing a document its trade requires, or holding an expired one, cannot be assigned that
        trade&apos;s work or invited to quote for it, unless a manager goes ahead with a reason.
      </p>
      {settings.documentTypes.length === 0 ? (
        <EmptyState title="No documents listed">Add the insurance and licences you ask of contractors.</EmptyState>
      ) : (
        <ul className="plain-list" aria-label="Document types">
          {settings.documentTypes.map((document) => (
            <li key={document.id} className="row-between">
              <span>
                <strong>{document.name}</strong>{" "}
                <span className="muted">
                  {document.requiredBy === 0
                    ? "required by no trade"
                    : `required by ${document.requiredBy} trade${document.requiredBy === 1 ? "" : "s"}`}
                </span>
              </span>
              <RemoveButton
                action={removeDocumentTypeAction}
                field="documentTypeId"
                id={document.id}
                itemName={document.name}
              />
            </li>
          ))}
        </ul>
      )}
      <ActionForm
        action={addDocumentTypeAction}
        className="inline-form"
        toast="Document added."
        testId="document-type-form"
      >
        <Field name="name" label="Document" inputId="document-type-name">
          <input id="document-type-name" name="name" placeholder="e.g. Public liability insurance" />
        </Field>
        <SubmitButton variant="secondary">Add document</SubmitButton>
      </ActionForm>

      {settings.trades.length > 0 && settings.documentTypes.length > 0 && (
        <>
          <h3>What each trade requires</h3>
          {settings.trades.map((trade) => (
            <ActionForm
              key={trade.id}
              action={setTradeRequirementsAction}
              toast={`${trade.name}: saved.`}
              testId={`trade-requirements-${trade.name}`}
            >
              <input type="hidden" name="categoryId" value={trade.id} />
              <fieldset className="checkbox-group">
                <legend>{trade.name}</legend>
                {settings.documentTypes.map((document) => (
                  <label key={document.id} className="checkbox">
                    <input
                      type="checkbox"
                      name="documentTypeIds"
                      value={document.id}
                      defaultChecked={trade.requires.includes(document.id)}
                    />
                    {document.name}
                  </label>
                ))}
              </fieldset>
              <SubmitButton variant="secondary">Save {trade.name}</SubmitButton>
            </ActionForm>
          ))}
        </>
      )}
    </section>
  );
}
