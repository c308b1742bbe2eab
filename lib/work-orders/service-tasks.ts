import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { TAddServiceTaskInput } from "./schemas";

// The procedure a technician follows on site: checks, readings with units and allowed
// ranges, text answers, required photos.
export async function addServiceTask(actor: TStaffActor, input: TAddServiceTaskInput) {
  const workOrder = await db.workOrder.findFirst({
    where: { ...workOrderScope(actor), id: input.workOrderId },
    select: { id: true, organisationId: true, archivedAt: true },
  });
  if (!workOrder) throw notFound("Work order");
  if (workOrder.archivedAt) throw new AppError("CONFLICT", "This work order is archived and can no longer be changed.");
  const last = await db.serviceTask.aggregate({ where: { workOrderId: workOrder.id }, _max: { position: true } });
  return db.serviceTask.create({
    data: {
      organisationId: workOrder.organisationId,
      workOrderId: workOrder.id,
      position: (last._max.position ?? -1) + 1,
      title: input.title,
      kind: input.kind,
      unit: input.kind === "READING" ? input.unit : null,
      minValue: input.kind === "READING" ? input.minValue : null,
      maxValue: input.kind === "READING" ? input.maxValue : null,
      photoRequired: input.kind === "PHOTO" || input.photoRequired,
    },
  });
}
