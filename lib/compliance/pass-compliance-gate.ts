import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { staffCan } from "@/lib/authz/permissions";
import type { TTx } from "@/lib/db";
import { AppError, invalidInput } from "@/lib/errors";
import { checkCompliance } from "./check-compliance";
import { overrideRecord, type TComplianceOverride } from "./decide-compliance";
import { describeComplianceProblems } from "./describe-compliance";

// Lets the work through the gate, or stops it with the documents by name: a manager (or
// an admin) may override with a reason, which comes back to be kept on the assignment and
// the timeline. A reason given where nothing stops the work is not recorded.
export async function passComplianceGate(
  tx: TTx,
  actor: TStaffActor,
  work: { categoryId: string | null; company: { id: string; name: string }; overrideReason?: string | null },
  now: Date,
  // The form field that chose the company, where the refusal is shown.
  field = "contractorCompanyId",
): Promise<TComplianceOverride | null> {
  const decision = (await checkCompliance(tx, work.categoryId, [work.company.id], now)).get(work.company.id)!;
  if (decision.allowed) return null;
  const stopped = `${work.company.name} does not meet this trade's requirements (${describeComplianceProblems(decision.problems)}).`;
  if (!work.overrideReason) {
    throw invalidInput(stopped, {
      [field]: [
        staffCan(actor, "compliance.override")
          ? `${stopped} To go ahead anyway, give a reason.`
          : `${stopped} A manager can go ahead anyway, with a reason.`,
      ],
    });
  }
  if (!staffCan(actor, "compliance.override"))
    throw new AppError("FORBIDDEN", "Only a manager or an admin can go ahead without the required documents.");
  return overrideRecord(decision, { userId: actor.userId, name: actor.name }, work.overrideReason, now);
}
