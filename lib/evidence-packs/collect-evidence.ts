import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { getDeskTask } from "@/lib/assignments/get-desk-task";
import { listTaskHistory } from "@/lib/assignments/list-task-history";
import { listTaskAttachments, listWorkOrderAttachments } from "@/lib/attachments/list-attachments";
import { estimateLineScope, invoiceScope, nteIncreaseScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { listMessages } from "@/lib/messages/list-messages";
import { getSiteWork } from "@/lib/work-orders/get-site-work";
import { getWorkOrder } from "@/lib/work-orders/get-work-order";

export type TEvidence = Awaited<ReturnType<typeof collectEvidence>>;

// Everything an evidence pack holds, read through the reader's own access with the same
// queries the pages use: staff get the whole work order (every contractor's task, their
// internal notes); a contractor's office gets its own task only, so a pack made after a
// reassignment has no other contractor's messages or files and no internal notes.
export async function collectEvidence(
  actor: TStaffActor | TDeskActor,
  target: { workOrderId: string } | { assignmentId: string },
) {
  if (actor.kind === "staff" && "workOrderId" in target) {
    const workOrder = await getWorkOrder(actor, target.workOrderId);
    const [work, attachments, threads, approvals] = await Promise.all([
      getSiteWork(actor, { workOrderId: workOrder.id }),
      listWorkOrderAttachments(actor, workOrder.id),
      Promise.all(
        workOrder.assignments.map(async (a) => ({
          with: a.contractorCompany.name,
          messages: await listMessages(actor, a.id),
        })),
      ),
      collectApprovals(actor, workOrder.id),
    ]);
    return {
      reader: actor.organisationName,
      clientName: actor.organisationName,
      currency: actor.organisationCurrency,
      workOrderId: workOrder.id,
      number: workOrder.number,
      title: workOrder.title,
      description: workOrder.description,
      internalNotes: workOrder.internalNotes,
      site: workOrder.site,
      zone: workOrder.site.timezone ?? actor.organisationTimeZone,
      contractors: workOrder.assignments.map((a) => `${a.contractorCompany.name} (${a.status.toLowerCase()})`),
      timeline: [...workOrder.timeline].reverse(),
      work: work ?? { serviceTasks: [], visits: [] },
      threads,
      attachments,
      approvals,
    };
  }
  if (actor.kind === "desk" && "assignmentId" in target) {
    const task = await getDeskTask(actor, target.assignmentId);
    const [work, attachments, messages, history, approvals] = await Promise.all([
      getSiteWork(actor, { assignmentId: task.id }),
      listTaskAttachments(actor, task),
      listMessages(actor, task.id),
      listTaskHistory(actor, task.id),
      collectApprovals(actor, task.workOrderId, task.id),
    ]);
    return {
      reader: task.contractorCompany.name,
      clientName: task.organisation.name,
      currency: task.organisation.currency,
      workOrderId: task.workOrderId,
      number: task.workOrder.number,
      title: task.workOrder.title,
      description: task.workOrder.description,
      internalNotes: null,
      site: task.workOrder.site,
      zone: task.timeZone,
      contractors: [`${task.contractorCompany.name} (${task.status.toLowerCase()})`],
      timeline: [...history].reverse(),
      work: work ?? { serviceTasks: [], visits: [] },
      threads: [{ with: task.organisation.name, messages }],
      attachments,
      approvals,
    };
  }
  throw new Error("An evidence pack is made for staff from a work order, or for the Desk from a task");
}

// Approvals on the work: estimate lines approved, not-to-exceed requests decided and
// invoices decided, as far as the reader may see them.
async function collectApprovals(actor: TStaffActor | TDeskActor, workOrderId: string, assignmentId?: string) {
  const [estimate, increases, invoices] = await Promise.all([
    db.estimateLine.findMany({
      where: { ...estimateLineScope(actor), workOrderId, approvedAt: { not: null }, supersededAt: null },
      orderBy: { position: "asc" },
      select: {
        description: true,
        quantity: true,
        unitCode: true,
        unitPrice: true,
        approvedAt: true,
        approvedById: true,
      },
    }),
    db.nteIncreaseRequest.findMany({
      where: {
        ...nteIncreaseScope(actor),
        workOrderId,
        ...(assignmentId ? { assignmentId } : {}),
        decidedAt: { not: null },
      },
      orderBy: { decidedAt: "asc" },
    }),
    db.invoice.findMany({
      where: {
        ...invoiceScope(actor),
        workOrderId,
        ...(assignmentId ? { assignmentId } : {}),
        decidedAt: { not: null },
      },
      orderBy: { decidedAt: "asc" },
      select: {
        number: true,
        status: true,
        gross: true,
        currency: true,
        decidedAt: true,
        decisionNote: true,
        autoApproved: true,
      },
    }),
  ]);
  const approvers = await db.user.findMany({
    where: { id: { in: estimate.map((e) => e.approvedById).filter((id): id is string => id !== null) } },
    select: { id: true, name: true },
  });
  return { estimate, increases, invoices, approverName: new Map(approvers.map((u) => [u.id, u.name])) };
}
