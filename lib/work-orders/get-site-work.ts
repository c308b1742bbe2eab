import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

// What was done on site, for staff reviewing the work: procedure results, defects,
// photos, signatures and check-ins of every task of the work order.
export async function getSiteWork(actor: TStaffActor, workOrderId: string) {
  const workOrder = await db.workOrder.findFirst({
    where: { ...workOrderScope(actor), id: workOrderId },
    select: {
      serviceTasks: { orderBy: { position: "asc" } },
      assignments: {
        orderBy: { offeredAt: "desc" },
        select: {
          id: true,
          performedNotes: true,
          performedAt: true,
          checkIns: { orderBy: { deviceAt: "asc" } },
          defects: { orderBy: { createdAt: "asc" } },
          signatures: { orderBy: { signedAt: "asc" }, select: { id: true, signerRole: true, signerName: true, imageSvg: true, signedAt: true } },
          attachments: { where: { kind: "PHOTO" }, orderBy: { createdAt: "asc" }, select: { id: true, serviceTaskId: true, defectId: true, filename: true } },
        },
      },
    },
  });
  if (!workOrder) return null;
  const photos = workOrder.assignments.flatMap((a) => a.attachments);
  return {
    serviceTasks: workOrder.serviceTasks.map((s) => ({ ...s, photos: photos.filter((p) => p.serviceTaskId === s.id) })),
    visits: workOrder.assignments
      .filter((a) => a.checkIns.length || a.defects.length || a.signatures.length || a.performedNotes)
      .map((a) => ({ ...a, defects: a.defects.map((d) => ({ ...d, photos: photos.filter((p) => p.defectId === d.id) })) })),
  };
}
