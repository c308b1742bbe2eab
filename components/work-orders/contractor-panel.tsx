import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { DialogButton } from "@/components/ui/dialog";
import { formatStamp } from "@/components/ui/format";
import type { TReaderClock } from "@/lib/time/reader-zone";
import { formatMoment, formatVisit } from "@/lib/time/zones";
import {
  archiveWorkOrderAction,
  assignContractorAction,
  cancelTaskAction,
  reassignAction,
  reviewTaskAction,
} from "@/app/(staff)/staff/actions";
import type { AssignmentStatus, WorkOrderStatus } from "@/generated/prisma/client";
import { canTransition } from "@/lib/assignments/status-machine";
import { contractorProgress } from "@/lib/statuses/status-words";
import type { TNetworkContractor } from "@/lib/contractors/list-network-contractors";
import type { TComplianceOverride } from "@/lib/compliance/decide-compliance";
import { ContractorSelect } from "./contractor-select";

type TLiveTask = {
  id: string;
  status: AssignmentStatus;
  offeredAt: Date;
  plannedAt: Date | null;
  scheduledAt: Date | null;
  actualOnSiteAt: Date | null;
  contractorCompanyId: string;
  contractorCompany: { name: string };
  technicians: { person: { user: { name: string } } }[];
  complianceOverride: unknown;
};

// The staff side of a work order's contractor: assign, follow, review, reassign, withdraw.
export function ContractorPanel({
  workOrder,
  live,
  contractors,
  canAssign,
  canOverride,
  siteZone,
  clock,
}: {
  workOrder: { id: string; status: WorkOrderStatus; archivedAt: Date | null };
  live: TLiveTask | undefined;
  contractors: TNetworkContractor[];
  canAssign: boolean;
  canOverride: boolean;
  siteZone: string;
  clock: TReaderClock;
}) {
  // A visit is "scheduled" wherever it shows; the date given on accepting is its first value.
  const visit = live ? (live.scheduledAt ?? live.plannedAt) : null;
  if (workOrder.archivedAt) return <p className="muted">Archived {formatStamp(workOrder.archivedAt, clock)}.</p>;
  if (!live) {
    return (
      <>
        {canAssign ? (
          <ActionForm action={assignContractorAction} testId="assign-form">
            <input type="hidden" name="workOrderId" value={workOrder.id} />
            <ContractorSelect contractors={contractors} label="Assign to" canOverride={canOverride} />
            <SubmitButton>Assign and email the contractor</SubmitButton>
          </ActionForm>
        ) : (
          <p className="muted">Not assigned.</p>
        )}
        <ArchiveForm workOrderId={workOrder.id} />
      </>
    );
  }
  return (
    <>
      <div data-testid="current-assignment">
        <p>
          <strong>{live.contractorCompany.name}</strong>: {contractorProgress(live.status)}
        </p>
        <p className="muted">
          Offered {formatStamp(live.offeredAt, clock)}
          {visit && ` · visit ${formatVisit(visit, siteZone, clock.readerZone)}`}
          {live.actualOnSiteAt && ` · on site ${formatMoment(live.actualOnSiteAt, siteZone, clock.readerZone)}`}
        </p>
        {live.technicians.length > 0 && (
          <p>Technicians: {live.technicians.map((t) => t.person.user.name).join(", ")}</p>
        )}
        <ComplianceOverrideNote override={live.complianceOverride as TComplianceOverride | null} clock={clock} />
      </div>
      {canAssign && canTransition(live.status, "cancel", "staff") && (
        <div className="button-row">
          <DialogButton label="Reassign…" title="Reassign to another contractor">
            <ActionForm action={reassignAction} testId="reassign-form">
              <input type="hidden" name="workOrderId" value={workOrder.id} />
              <ContractorSelect
                contractors={contractors}
                label="Reassign to"
                exclude={live.contractorCompanyId}
                canOverride={canOverride}
              />
              <Field name="reason" label="Reason (sent to the current contractor)" inputId="reassign-reason">
                <textarea id="reassign-reason" name="reason" rows={2} />
              </Field>
              <SubmitButton>Reassign</SubmitButton>
            </ActionForm>
          </DialogButton>
          <DialogButton
            label="Withdraw…"
            title={`Withdraw the task from ${live.contractorCompany.name}?`}
            variant="danger"
          >
            <p className="muted">The contractor is emailed your reason and can no longer work on it.</p>
            <ActionForm
              action={cancelTaskAction}
              testId="withdraw-form"
              toast="Task withdrawn; the contractor has been told."
            >
              <input type="hidden" name="assignmentId" value={live.id} />
              <Field name="reason" label="Reason (sent to the contractor)" inputId="withdraw-reason">
                <textarea id="withdraw-reason" name="reason" rows={2} />
              </Field>
              <SubmitButton variant="danger">Withdraw from contractor</SubmitButton>
            </ActionForm>
          </DialogButton>
        </div>
      )}
      {["COMPLETED", "CANCELLED"].includes(workOrder.status) && <ArchiveForm workOrderId={workOrder.id} />}
    </>
  );
}

function ArchiveForm({ workOrderId }: { workOrderId: string }) {
  return (
    <div className="button-row">
      <DialogButton label="Archive…" title="Archive this work order?">
        <p className="muted">It leaves the open lists. Contractors keep read access to their tasks and documents.</p>
        <ActionForm action={archiveWorkOrderAction} testId="archive-form" toast="Work order archived.">
          <input type="hidden" name="workOrderId" value={workOrderId} />
          <SubmitButton variant="primary">Archive work order</SubmitButton>
        </ActionForm>
      </DialogButton>
    </div>
  );
}

// The decision staff make when the contractor has completed the work: accept it, or send
// it back saying what is missing. The work order page shows it first.
export function ReviewDecision({ assignmentId, contractor }: { assignmentId: string; contractor: string }) {
  return (
    <section className="card decision" aria-label="Review">
      <h2>Review the work</h2>
      <p className="muted">{contractor} has completed the work. Accept it, or send it back saying what is missing.</p>
      <ActionForm action={reviewTaskAction} testId="review-accept-form">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <input type="hidden" name="decision" value="accept" />
        <SubmitButton>Accept the work</SubmitButton>
      </ActionForm>
      <ActionForm action={reviewTaskAction} testId="review-send-back-form">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <input type="hidden" name="decision" value="sendBack" />
        <Field name="reason" label="Or send it back: what is missing?" inputId="send-back-reason">
          <textarea id="send-back-reason" name="reason" rows={2} />
        </Field>
        <SubmitButton variant="secondary">Send back</SubmitButton>
      </ActionForm>
    </section>
  );
}

// Work given although the trade's documents were missing: said where the contractor is.
function ComplianceOverrideNote({ override, clock }: { override: TComplianceOverride | null; clock: TReaderClock }) {
  if (!override) return null;
  return (
    <p className="alert alert-warning" data-testid="compliance-override">
      {`Assigned without ${override.problems.map((p) => `${p.document} (${p.problem})`).join(", ")}. `}
      {`${override.byName} went ahead, ${formatStamp(new Date(override.at), clock)}: “${override.reason}”`}
    </p>
  );
}
