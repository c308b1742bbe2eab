import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { findTask } from "@/lib/assignments/find-task";
import { db } from "@/lib/db";
import { addJob } from "@/lib/jobs/add-job";
import { getWorkOrder } from "@/lib/work-orders/get-work-order";

// Asks for an evidence pack: a row saying it is being prepared and, in the same
// transaction, the job that makes it off the request path. A second click while one is
// being prepared for the same reader returns that one.
export async function requestEvidencePack(
  actor: TStaffActor | TDeskActor,
  target: { workOrderId: string } | { assignmentId: string },
) {
  const scope =
    actor.kind === "staff" && "workOrderId" in target
      ? await getWorkOrder(actor, target.workOrderId).then((wo) => ({
          organisationId: wo.organisationId,
          workOrderId: wo.id,
          contractorCompanyId: null,
          assignmentId: null,
        }))
      : actor.kind === "desk" && "assignmentId" in target
        ? await findTask(actor, target.assignmentId, "task.read").then((task) => ({
            organisationId: task.organisationId,
            workOrderId: task.workOrderId,
            contractorCompanyId: task.contractorCompanyId,
            assignmentId: task.id,
          }))
        : null;
  if (!scope) throw new Error("An evidence pack is made for staff from a work order, or for the Desk from a task");
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "WorkOrder" WHERE id = ${scope.workOrderId} FOR UPDATE`;
    const preparing = await tx.evidencePack.findFirst({
      where: { ...scope, requestedById: actor.userId, status: "PREPARING" },
    });
    if (preparing) return preparing;
    const pack = await tx.evidencePack.create({ data: { ...scope, requestedById: actor.userId } });
    await addJob(tx, "evidence-pack.make", { packId: pack.id });
    return pack;
  });
}
