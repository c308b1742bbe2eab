import { ActionForm, Field, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { DialogButton } from "@/components/ui/dialog";
import type { listEstimateProposals } from "@/lib/estimates/estimate-proposals";
import { formatMoney } from "@/lib/money/format-money";

type TProposal = Awaited<ReturnType<typeof listEstimateProposals>>[number];

const STATUS = {
  PROPOSED: { label: "Waiting for the client", badge: "badge-warning" },
  ACCEPTED: { label: "Accepted into the estimate", badge: "badge-success" },
  REFUSED: { label: "Refused", badge: "badge-danger" },
} as const;

// Lines the contractor proposes for the estimate: the Desk proposes (`propose`), staff
// accept or refuse with a reason (`decide`); both read the same list.
export function ProposalPanel({
  proposals,
  currency,
  propose,
  decide,
  lines,
}: {
  proposals: TProposal[];
  currency: string;
  propose?: { action: TFormAction; assignmentId: string };
  decide?: TFormAction;
  // The current approved lines a proposal may change.
  lines?: { id: string; description: string }[];
}) {
  if (proposals.length === 0 && !propose) return null;
  return (
    <section className="card" aria-labelledby="proposals-heading">
      <div className="card-heading">
        <h2 id="proposals-heading">Proposed estimate lines</h2>
        {propose && (
          <DialogButton label="Propose a line…" title="Propose an estimate line" wide>
            <ActionForm action={propose.action} toast="Line proposed; the client decides." testId="propose-line-form">
              <input type="hidden" name="assignmentId" value={propose.assignmentId} />
              <Field name="description" label="What" inputId="proposal-description">
                <input id="proposal-description" name="description" />
              </Field>
              <div className="field-row">
                <Field name="hours" label="Hours (optional)" inputId="proposal-hours">
                  <input id="proposal-hours" name="hours" inputMode="decimal" />
                </Field>
                <Field name="price" label={`Price before tax, ${currency}`} inputId="proposal-price">
                  <input id="proposal-price" name="price" inputMode="decimal" />
                </Field>
              </div>
              <Field name="parts" label="Parts (optional)" inputId="proposal-parts">
                <input id="proposal-parts" name="parts" maxLength={500} />
              </Field>
              {lines && lines.length > 0 && (
                <Field name="lineId" label="Changes an approved line (optional)" inputId="proposal-line">
                  <select id="proposal-line" name="lineId" defaultValue="">
                    <option value="">No: a new line</option>
                    {lines.map((line) => (
                      <option key={line.id} value={line.id}>
                        {line.description}
                      </option>
                    ))}
                  </select>
                </Field>
              )}
              <SubmitButton>Propose</SubmitButton>
            </ActionForm>
          </DialogButton>
        )}
      </div>
      {proposals.length === 0 ? (
        <p className="muted">No line proposed yet.</p>
      ) : (
        <ul className="plain-list" aria-label="Proposed lines">
          {proposals.map((proposal) => (
            <li key={proposal.id} data-testid="proposal">
              <strong>{proposal.description}</strong>: {formatMoney(proposal.price, currency)}
              {proposal.hours.greaterThan(0) ? `, ${proposal.hours.toString()} h` : ""}
              {proposal.parts ? `, parts: ${proposal.parts}` : ""}{" "}
              <small className="hint">by {proposal.proposedByName}</small>{" "}
              <span className={`badge ${STATUS[proposal.status].badge}`}>{STATUS[proposal.status].label}</span>
              {proposal.reason && <small className="hint"> “{proposal.reason}”</small>}
              {decide && proposal.status === "PROPOSED" && (
                <div className="button-row">
                  <ActionForm action={decide} className="inline-form" toast="Accepted as a draft line.">
                    <input type="hidden" name="proposalId" value={proposal.id} />
                    <SubmitButton name="decision" value="ACCEPTED">
                      Accept as a draft line
                    </SubmitButton>
                  </ActionForm>
                  <DialogButton label="Refuse…" title="Refuse the proposed line">
                    <ActionForm action={decide} toast="Proposal refused.">
                      <input type="hidden" name="proposalId" value={proposal.id} />
                      <input type="hidden" name="decision" value="REFUSED" />
                      <Field name="reason" label="Why" inputId={`refuse-${proposal.id}`}>
                        <input id={`refuse-${proposal.id}`} name="reason" maxLength={500} />
                      </Field>
                      <SubmitButton variant="danger">Refuse</SubmitButton>
                    </ActionForm>
                  </DialogButton>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
