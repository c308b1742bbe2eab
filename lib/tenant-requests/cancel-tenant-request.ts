import "server-only";
import type { TTenantActor } from "@/lib/auth/actor";
import { applyTaskEvent } from "@/lib/assignments/apply-task-event";
import { contractorOfficeEmails } from "@/lib/contractors/office-recipients";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { cancelTaskVisit } from "@/lib/visits/put-visit";
import { lockLiveTask } from "./live-task";

// The tenant withdraws the request: its visit is cancelled in every calendar, its task
// withdrawn from the contractor (told why) and its work order closed. Twice is once.
export async function cancelTenantRequest(
  actor: TTenantActor,
  input: { reason: string | null },
  now = presentMoment(),
) {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string; state: string }[]>`
      SELECT id, state::text FROM "TenantRequest"
      WHERE id = ${actor.tenantRequestId} AND "organisationId" = ${actor.organisationId} FOR UPDATE`;
    if (!locked) throw notFound("Request");
    if (locked.state === "CANCELLED") return { cancelled: false };
    const reason = input.reason ?? "The tenant cancelled the request.";
    const { task } = await lockLiveTask(tx, locked.id);
    const cancellable = task && !["PERFORMED", "COMPLETED", "REVIEWED", "INVOICED"].includes(task.status);
    // While the request is still open, so the tenant is among those the cancellation reaches.
    if (cancellable) await cancelTaskVisit(tx, task.id, reason, now);
    const request = await tx.tenantRequest.update({
      where: { id: locked.id },
      data: { state: "CANCELLED", cancelledAt: now },
      include: { contact: { select: { name: true } }, organisation: { select: { name: true } }, workOrder: true },
    });
    if (!request.workOrder) return { cancelled: true };
    const label = `${request.contact.name} (tenant)`;
    if (cancellable) {
      await applyTaskEvent(
        tx,
        { ...task, status: task.status as never },
        "cancel",
        "system",
        { userId: null, label },
        {},
        {
          reason,
        },
      );
      for (const to of await contractorOfficeEmails(tx, task.contractorCompanyId))
        await enqueueEmail(tx, {
          to,
          organisationId: request.organisationId,
          template: "tenant-request-cancelled",
          data: {
            clientName: request.organisation.name,
            title: `#${request.workOrder.number} ${request.workOrder.title}`,
            reason: input.reason,
            url: `${env.APP_URL}/desk/tasks/${task.id}`,
          },
        });
    }
    await tx.workOrder.update({ where: { id: request.workOrder.id }, data: { status: "CANCELLED" } });
    await recordEvent(tx, {
      organisationId: request.organisationId,
      workOrderId: request.workOrder.id,
      actor: { userId: null, label },
      type: "tenant.request_cancelled",
      data: { reason: input.reason },
    });
    return { cancelled: true };
  });
}
