"use client";
import { useState } from "react";
import { Field } from "@/components/ui/action-form";
import { describeProblem } from "@/lib/contractors/accreditation-status";
import type { TNetworkContractor } from "@/lib/contractors/list-network-contractors";

// Contractors of the network. The chosen one's accreditation problems are shown in full
// before the work goes to it; the list marks which others have any.
export function ContractorSelect({
  contractors,
  label,
  exclude,
}: {
  contractors: TNetworkContractor[];
  label: string;
  exclude?: string;
}) {
  const choices = contractors.filter((c) => c.id !== exclude);
  const [chosenId, setChosenId] = useState("");
  const chosen = choices.find((c) => c.id === chosenId);
  const warningsId = `contractor-warnings${exclude ? "-reassign" : ""}`;
  return (
    <>
      <Field name="contractorCompanyId" label={label}>
        <select
          id="contractorCompanyId"
          name="contractorCompanyId"
          value={chosenId}
          onChange={(event) => setChosenId(event.target.value)}
          aria-describedby={chosen?.problems.length ? warningsId : undefined}
        >
          <option value="">Choose a contractor</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.problems.length ? " ⚠ accreditation problem" : ""}
            </option>
          ))}
        </select>
      </Field>
      {chosen && chosen.problems.length > 0 && (
        <div className="alert alert-warning" id={warningsId} role="status">
          <strong>{chosen.name} does not meet this trade&apos;s requirements:</strong>
          <ul className="warnings" aria-label="Accreditation problems">
            {chosen.problems.map((problem) => (
              <li key={problem.type}>{describeProblem(problem)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
