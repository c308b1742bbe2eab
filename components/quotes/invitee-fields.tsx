"use client";
import { useState } from "react";
import { Field, FieldGroup } from "@/components/ui/action-form";
import { describeComplianceProblems } from "@/lib/compliance/describe-compliance";
import type { TNetworkContractor } from "@/lib/contractors/list-network-contractors";

// Whom a request is sent to: network companies of the trade (those the compliance gate
// stops say why, and a manager gives a reason to invite them anyway) and outside
// suppliers by name, company and email, a row each.
export function InviteeFields({
  contractors,
  canOverride,
  idPrefix = "invite",
}: {
  contractors: TNetworkContractor[];
  canOverride: boolean;
  idPrefix?: string;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [suppliers, setSuppliers] = useState(1);
  const stopped = contractors.filter((c) => chosen.includes(c.id) && !c.compliance.allowed);
  return (
    <>
      <FieldGroup name="contractorCompanyIds" legend="Contractors of your network in this trade">
        {contractors.length === 0 && <p className="muted">No company of your network works in this trade yet.</p>}
        {contractors.map((c) => (
          <label key={c.id} className="checkbox">
            <input
              type="checkbox"
              name="contractorCompanyIds"
              value={c.id}
              checked={chosen.includes(c.id)}
              onChange={(event) =>
                setChosen((now) => (event.target.checked ? [...now, c.id] : now.filter((id) => id !== c.id)))
              }
            />
            {c.name}
            {!c.compliance.allowed && (
              <small className="flag">({describeComplianceProblems(c.compliance.problems)})</small>
            )}
          </label>
        ))}
      </FieldGroup>
      {stopped.length > 0 && (
        <div className="alert alert-warning" role="status">
          <strong>
            {stopped.map((c) => c.name).join(", ")} {stopped.length === 1 ? "does" : "do"} not meet this trade&apos;s
            requirements.
          </strong>
          {!canOverride && <p>A manager or an admin can invite them anyway, with a reason.</p>}
        </div>
      )}
      {stopped.length > 0 && canOverride && (
        <Field name="overrideReason" label="Reason to invite them anyway" inputId={`${idPrefix}-override`}>
          <textarea id={`${idPrefix}-override`} name="overrideReason" rows={2} />
        </Field>
      )}
      <FieldGroup
        name="suppliers"
        legend="Outside suppliers (not on Fieldgate: they answer through an emailed link)"
        className="field-rows"
      >
        {Array.from({ length: suppliers }, (_, i) => (
          <div className="field-row" key={i}>
            <Field name={`suppliers.${i}.name`} label="Name" inputId={`${idPrefix}-supplier-name-${i}`}>
              <input id={`${idPrefix}-supplier-name-${i}`} name={`suppliers.${i}.name`} autoComplete="off" />
            </Field>
            <Field name={`suppliers.${i}.company`} label="Company" inputId={`${idPrefix}-supplier-company-${i}`}>
              <input id={`${idPrefix}-supplier-company-${i}`} name={`suppliers.${i}.company`} autoComplete="off" />
            </Field>
            <Field name={`suppliers.${i}.email`} label="Email" inputId={`${idPrefix}-supplier-email-${i}`}>
              <input
                id={`${idPrefix}-supplier-email-${i}`}
                name={`suppliers.${i}.email`}
                type="email"
                autoComplete="off"
              />
            </Field>
          </div>
        ))}
        {suppliers < 50 && (
          <button type="button" className="button button-secondary" onClick={() => setSuppliers((n) => n + 1)}>
            Add another supplier
          </button>
        )}
      </FieldGroup>
    </>
  );
}
