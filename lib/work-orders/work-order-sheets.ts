import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { getDeskTask } from "@/lib/assignments/get-desk-task";
import { LIVE_STATUSES } from "@/lib/assignments/status-machine";
import { db } from "@/lib/db";
import { getWorkOrder } from "./get-work-order";
import type { TWorkOrderSheet } from "./render-work-order-pdf";

// The printable work order from what the Desk task page shows (never the client's
// internal notes).
export async function deskWorkOrderSheet(actor: TDeskActor, assignmentId: string): Promise<TWorkOrderSheet> {
  const task = await getDeskTask(actor, assignmentId);
  const { workOrder } = task;
  return {
    clientName: task.organisation.name,
    contractorName: task.contractorCompany.name,
    number: workOrder.number,
    title: workOrder.title,
    description: workOrder.description,
    priority: workOrder.priority,
    dueAt: workOrder.dueAt,
    purchaseOrder: workOrder.purchaseOrder,
    notToExceed: workOrder.notToExceed,
    currency: task.organisation.currency,
    site: workOrder.site,
    asset: workOrder.asset,
    visitAt: task.scheduledAt ?? task.plannedAt,
    zone: task.timeZone,
    technicians: task.technicians.map((t) => t.person.user.name),
    serviceTasks: task.serviceTasks,
  };
}

// The same sheet as staff print it for the contractor holding the work order.
export async function staffWorkOrderSheet(actor: TStaffActor, workOrderId: string): Promise<TWorkOrderSheet> {
  const workOrder = await getWorkOrder(actor, workOrderId);
  const live = workOrder.assignments.find((a) => LIVE_STATUSES.includes(a.status)) ?? null;
  const serviceTasks = await db.serviceTask.findMany({
    where: { workOrderId: workOrder.id, OR: [{ assignmentId: null }, ...(live ? [{ assignmentId: live.id }] : [])] },
    orderBy: { position: "asc" },
  });
  return {
    clientName: actor.organisationName,
    contractorName: live?.contractorCompany.name ?? null,
    number: workOrder.number,
    title: workOrder.title,
    description: workOrder.description,
    priority: workOrder.priority,
    dueAt: workOrder.dueAt,
    purchaseOrder: workOrder.purchaseOrder,
    notToExceed: workOrder.notToExceed?.toString() ?? null,
    currency: actor.organisationCurrency,
    site: workOrder.site,
    asset: workOrder.asset,
    visitAt: live ? (live.scheduledAt ?? live.plannedAt) : null,
    zone: workOrder.site.timezone ?? actor.organisationTimeZone,
    technicians: live?.technicians.map((t) => t.person.user.name) ?? [],
    serviceTasks,
  };
}
