"use client";
import { useState } from "react";
import { Field } from "@/components/ui/action-form";
import { describeComplianceProblem } from "@/lib/compliance/describe-compliance";
import type { TNetworkContractor } from "@/lib/contractors/list-network-contractors";

// Contractors of the network. The list marks those the compliance gate stops for this
// trade; once one of them is chosen, the documents that stop it are named, and a manager
// is asked for the reason to go ahead anyway.
export function ContractorSelect({
  contractors,
  label,
  exclude,
  canOverride,
}: {
  contractors: TNetworkContractor[];
  label: string;
  exclude?: string;
  canOverride: boolean;
}) {
  const choices = contractors.filter((c) => c.id !== exclude);
  const [chosenId, setChosenId] = useState("");
  const chosen = choices.find((c) => c.id === chosenId);
  const suffix = exclude ? "-reassign" : "";
  const stoppedId = `contractor-stopped${suffix}`;
  const stopped = chosen && !chosen.compliance.allowed;
  return (
    <>
      <Field name="contractorCompanyId" label={label}>
        <select
          id="contractorCompanyId"
          name="contractorCompanyId"
          value={chosenId}
          onChange={(event) => setChosenId(event.target.value)}
          aria-describedby={stopped ? stoppedId : undefined}
        >
          <option value="">Choose a contractor</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.compliance.allowed ? "" : " (documents missing)"}
            </option>
          ))}
        </select>
      </Field>
      {stopped && (
        <div className="alert alert-warning" id={stoppedId} role="status">
          <strong>{chosen.name} does not meet this trade&apos;s requirements:</strong>
          <ul className="warnings" aria-label="Documents missing or expired">
            {chosen.compliance.problems.map((problem) => (
              <li key={problem.document}>{describeComplianceProblem(problem)}</li>
            ))}
          </ul>
          {!canOverride && <p>A manager or an admin can go ahead anyway, with a reason.</p>}
        </div>
      )}
      {stopped && canOverride && (
        <Field
          name="overrideReason"
          label="Reason to go ahead anyway"
          hint="Kept on the work order and its timeline"
          inputId={`override-reason${suffix}`}
        >
          <textarea id={`override-reason${suffix}`} name="overrideReason" rows={2} required />
        </Field>
      )}
    </>
  );
}
