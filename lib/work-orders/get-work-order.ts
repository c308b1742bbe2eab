import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";

export async function getWorkOrder(actor: TStaffActor, workOrderId: string) {
  if (!isId(workOrderId)) throw notFound("Work order");
  const workOrder = await db.workOrder.findFirst({
    where: { ...workOrderScope(actor), id: workOrderId },
    include: {
      site: true,
      category: true,
      asset: true,
      createdBy: { select: { name: true } },
      assignments: {
        orderBy: { offeredAt: "desc" },
        include: {
          contractorCompany: { select: { name: true } },
          technicians: { include: { person: { include: { user: { select: { name: true } } } } } },
        },
      },
      timeline: { orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }], take: 200 },
    },
  });
  if (!workOrder) throw notFound("Work order");
  return workOrder;
}
