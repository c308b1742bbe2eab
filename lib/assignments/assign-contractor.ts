import "server-only";
import type { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { describeComplianceProblem } from "@/lib/compliance/describe-compliance";
import { passComplianceGate } from "@/lib/compliance/pass-compliance-gate";
import { contractorCompanyScope, workOrderScope } from "@/lib/authz/scopes";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { cancelTaskInTransaction } from "./cancel-assignment";
import type { ZAssignContractorSchema, ZReassignSchema } from "./schemas";
import { LIVE_STATUSES, workOrderStatusFor } from "./status-machine";

// Locks the work order row so that two staff assigning or reassigning it at once are
// served one after the other.
async function lockWorkOrder(tx: TTx, actor: TStaffActor, workOrderId: string) {
  const workOrder = await tx.workOrder.findFirst({
    where: { ...workOrderScope(actor), id: workOrderId },
    include: { site: true },
  });
  if (!workOrder) throw notFound("Work order");
  await tx.$executeRaw`SELECT 1 FROM "WorkOrder" WHERE "id" = ${workOrder.id} FOR UPDATE`;
  if (workOrder.archivedAt || workOrder.status === "CANCELLED")
    throw new AppError("CONFLICT", "This work order is closed.");
  const live = await tx.assignment.findFirst({ where: { workOrderId: workOrder.id, status: { in: LIVE_STATUSES } } });
  return { workOrder, live };
}

// Offers the work order (its row locked) to a company in the network that passes the
// compliance gate for its trade (or that a manager lets through, with a reason); its
// office people are emailed a link that signs them in straight to the task.
export async function offerTask(
  tx: TTx,
  actor: TStaffActor,
  workOrder: { id: string; number: number; title: string; categoryId: string | null; site: { name: string } },
  contractorCompanyId: string,
  { overrideReason, now = new Date() }: { overrideReason?: string | null; now?: Date } = {},
) {
  const company = await tx.contractorCompany.findFirst({
    where: { ...contractorCompanyScope(actor), id: contractorCompanyId },
    include: {
      people: {
        where: { active: true, role: { in: ["ADMIN", "OFFICE"] }, user: { deactivatedAt: null } },
        include: { user: true },
      },
    },
  });
  if (!company)
    throw invalidInput("Please correct the highlighted fields.", {
      contractorCompanyId: ["Choose a contractor from your network"],
    });
  const override = await passComplianceGate(
    tx,
    actor,
    { categoryId: workOrder.categoryId, company, overrideReason },
    now,
  );
  const assignment = await tx.assignment.create({
    data: {
      organisationId: actor.organisationId,
      workOrderId: workOrder.id,
      contractorCompanyId: company.id,
      status: "OFFERED",
      complianceOverride: override ?? undefined,
    },
  });
  await tx.workOrder.update({
    where: { id: workOrder.id },
    data: { status: workOrderStatusFor("OFFERED"), offerWaitingSince: assignment.offeredAt },
  });
  await recordEvent(tx, {
    organisationId: actor.organisationId,
    workOrderId: workOrder.id,
    assignmentId: assignment.id,
    actor: { userId: actor.userId, label: actor.name },
    type: "assignment.offered",
    data: { contractor: company.name },
  });
  // On the work order only: the reason is the client's, not the contractor's to read.
  if (override)
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: workOrder.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "compliance.overridden",
      data: {
        contractor: company.name,
        reason: override.reason,
        documents: override.problems.map((p) =>
          describeComplianceProblem({ ...p, expiredOn: p.expiredOn ? new Date(p.expiredOn) : undefined }),
        ),
      },
    });
  for (const person of company.people) {
    const url = await createSignInLink(tx, person.user, { redirectTo: `/desk/tasks/${assignment.id}` });
    await enqueueEmail(tx, {
      to: person.user.email,
      organisationId: actor.organisationId,
      template: "task-offered",
      data: {
        clientName: actor.organisationName,
        workOrderNumber: workOrder.number,
        title: workOrder.title,
        siteName: workOrder.site.name,
        url,
      },
    });
  }
  return assignment;
}

// The override reason is the form's; callers that never override leave it out.
type TWithOverride<S extends z.ZodType> = Omit<z.infer<S>, "overrideReason"> & { overrideReason?: string | null };

export async function assignContractor(actor: TStaffActor, input: TWithOverride<typeof ZAssignContractorSchema>) {
  return db.$transaction(async (tx) => {
    const { workOrder, live } = await lockWorkOrder(tx, actor, input.workOrderId);
    if (live) throw new AppError("CONFLICT", "This work order is already assigned to a contractor.");
    return offerTask(tx, actor, workOrder, input.contractorCompanyId, { overrideReason: input.overrideReason });
  });
}

// Withdraws the task from the current contractor (who is told why) and offers it to
// another, in one transaction: the work order is never left with two contractors or none.
export async function reassignContractor(actor: TStaffActor, input: TWithOverride<typeof ZReassignSchema>) {
  return db.$transaction(async (tx) => {
    const { workOrder, live } = await lockWorkOrder(tx, actor, input.workOrderId);
    if (!live) throw new AppError("CONFLICT", "This work order has no contractor to replace; assign one instead.");
    if (live.contractorCompanyId === input.contractorCompanyId) {
      throw invalidInput("Please correct the highlighted fields.", {
        contractorCompanyId: ["The task is already with this contractor"],
      });
    }
    await cancelTaskInTransaction(tx, actor, live, input.reason);
    return offerTask(tx, actor, workOrder, input.contractorCompanyId, { overrideReason: input.overrideReason });
  });
}
