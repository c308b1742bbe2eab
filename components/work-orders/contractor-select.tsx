import { Field } from "@/components/ui/action-form";
import { describeProblem } from "@/lib/contractors/accreditation-status";
import type { TNetworkContractor } from "@/lib/contractors/list-network-contractors";

// Contractors of the network, each with its accreditation problems shown before choosing.
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
  const flagged = choices.filter((c) => c.problems.length);
  return (
    <>
      <Field name="contractorCompanyId" label={label}>
        <select id="contractorCompanyId" name="contractorCompanyId" defaultValue="">
          <option value="">Choose a contractor</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.problems.length ? ` ⚠ ${c.problems.map(describeProblem).join("; ")}` : ""}
            </option>
          ))}
        </select>
      </Field>
      {flagged.length > 0 && (
        <ul className="warnings" aria-label="Accreditation problems">
          {flagged.map((c) => (
            <li key={c.id}>
              {c.name}: {c.problems.map(describeProblem).join("; ")}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
