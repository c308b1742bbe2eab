import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { assignmentScope, workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

// What was done on site: procedure results, defects, photos, signatures and check-ins.
// Staff reviewing a work order see every task's; a contractor sees their own task's.
export async function getSiteWork(
  actor: TStaffActor | TDeskActor,
  target: { workOrderId: string } | { assignmentId: string },
) {
  const where: Prisma.AssignmentWhereInput =
    actor.kind === "staff" && "workOrderId" in target
      ? { workOrderId: target.workOrderId, workOrder: workOrderScope(actor) }
      : { ...assignmentScope(actor, "task.read"), id: "assignmentId" in target ? target.assignmentId : undefined };
  const tasks = await db.assignment.findMany({
    where,
    orderBy: { offeredAt: "desc" },
    select: {
      id: true,
      workOrderId: true,
      performedNotes: true,
      actualOnSiteAt: true,
      checkedInAt: true,
      performedAt: true,
      checkIns: { orderBy: { deviceAt: "asc" } },
      defects: { orderBy: { createdAt: "asc" } },
      signatures: {
        orderBy: { signedAt: "asc" },
        select: { id: true, signerRole: true, signerName: true, method: true, imageSvg: true, signedAt: true },
      },
      attachments: {
        where: { kind: "PHOTO" },
        orderBy: { createdAt: "asc" },
        select: { id: true, serviceTaskId: true, defectId: true, filename: true },
      },
    },
  });
  const workOrderId = "workOrderId" in target ? target.workOrderId : tasks[0]?.workOrderId;
  if (!workOrderId || (actor.kind === "desk" && tasks.length === 0)) return null;
  const serviceTasks = await db.serviceTask.findMany({
    where: {
      workOrderId,
      workOrder: actor.kind === "staff" ? workOrderScope(actor) : undefined,
      ...(actor.kind === "desk" ? { OR: [{ assignmentId: null }, { assignmentId: tasks[0].id }] } : {}),
    },
    orderBy: { position: "asc" },
  });
  const photos = tasks.flatMap((t) => t.attachments);
  return {
    serviceTasks: serviceTasks.map((s) => ({ ...s, photos: photos.filter((p) => p.serviceTaskId === s.id) })),
    visits: tasks
      .filter(
        (t) =>
          t.checkIns.length ||
          t.defects.length ||
          t.signatures.length ||
          t.performedNotes ||
          t.actualOnSiteAt ||
          t.performedAt,
      )
      .map((t) => ({
        ...t,
        defects: t.defects.map((d) => ({ ...d, photos: photos.filter((p) => p.defectId === d.id) })),
        // The day of the work, however the task was completed: the office's time on site,
        // else the technician's first check-in, else when they performed it.
        workedAt: t.actualOnSiteAt ?? t.checkedInAt ?? t.checkIns[0]?.deviceAt ?? t.performedAt,
      })),
  };
}
