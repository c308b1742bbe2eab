import "server-only";
import type { TTenantActor } from "@/lib/auth/actor";
import { applyTaskEvent } from "@/lib/assignments/apply-task-event";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { formatTimeWindow } from "@/lib/time/zones";
import { bookTaskVisit } from "@/lib/visits/put-visit";
import { lockLiveTask } from "./live-task";

// The tenant confirms the time the contractor proposed (the visit is booked: the task is
// scheduled, invitations go out, reminders are planned), or a booked time their new
// windows no longer held. A second confirmation finds nothing left to confirm.
export async function confirmVisit(actor: TTenantActor, input: { visitId: string }, now = presentMoment()) {
  return db.$transaction(async (tx) => {
    const request = await tx.tenantRequest.findFirst({
      where: { id: actor.tenantRequestId, organisationId: actor.organisationId, state: "OPEN" },
      select: { id: true, contact: { select: { name: true } } },
    });
    if (!request) throw notFound("Request");
    const { task, visit } = await lockLiveTask(tx, request.id);
    if (!task || !visit || visit.id !== input.visitId) throw notFound("Visit");
    if (visit.status === "BOOKED" && visit.tenantConfirmed) return { confirmed: false };
    if (visit.startsAt <= now)
      throw new AppError("INVALID_TRANSITION", "This time has passed. Give new times instead.");
    const label = `${request.contact.name} (tenant)`;
    if (visit.status === "PROPOSED") {
      await applyTaskEvent(
        tx,
        { ...task, status: task.status as never },
        "schedule",
        "system",
        { userId: null, label },
        { scheduledAt: visit.startsAt },
      );
      await bookTaskVisit(
        tx,
        {
          assignmentId: task.id,
          startsAt: visit.startsAt,
          minutes: (visit.endsAt.getTime() - visit.startsAt.getTime()) / 60_000,
        },
        now,
      );
    } else await tx.visit.update({ where: { id: visit.id }, data: { tenantConfirmed: true } });
    await recordEvent(tx, {
      organisationId: task.organisationId,
      workOrderId: task.workOrderId,
      assignmentId: task.id,
      actor: { userId: null, label },
      type: "tenant.visit_confirmed",
      data: { when: formatTimeWindow(visit.startsAt, visit.endsAt, visit.timezone) },
    });
    return { confirmed: true };
  });
}
