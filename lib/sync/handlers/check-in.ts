import "server-only";
import { applyTaskEvent } from "@/lib/assignments/apply-task-event";
import { canTransition } from "@/lib/assignments/status-machine";
import { recordEvent } from "@/lib/timeline/record-event";
import { keepForOffice } from "./late-work";
import { actorOf, type THandlerContext, type THandlerOutcome } from "./types";

// Being on site is a fact worth keeping whatever the task's status; it moves the task to
// in progress only where the state machine allows.
export async function checkIn(context: THandlerContext<"check_in">): Promise<THandlerOutcome> {
  const { tx, actor, task, mutation, at } = context;
  const now = new Date();
  if (task.status === "CANCELLED" || task.status === "DECLINED") {
    const at = mutation.location
      ? ` at ${mutation.location.latitude.toFixed(5)}, ${mutation.location.longitude.toFixed(5)}`
      : "";
    return keepForOffice(context, `checked in on site${at}`, mutation.location ? { location: mutation.location } : {});
  }
  await tx.checkIn.create({
    data: {
      organisationId: task.organisationId,
      assignmentId: task.id,
      userId: actor.userId,
      mutationId: mutation.mutationId,
      deviceAt: new Date(mutation.deviceAt),
      syncedAt: now,
      latitude: mutation.location?.latitude,
      longitude: mutation.location?.longitude,
      accuracyM: mutation.location?.accuracyM,
      locatedAt: mutation.location ? new Date(mutation.deviceAt) : null,
    },
  });
  if (task.status !== "IN_PROGRESS" && canTransition(task.status, "checkIn", "tech")) {
    await applyTaskEvent(
      tx,
      task,
      "checkIn",
      "tech",
      actorOf(actor),
      {
        checkedInAt: task.checkedInAt ?? at,
      },
      {},
      { at },
    );
  }
  await recordEvent(tx, {
    organisationId: task.organisationId,
    workOrderId: task.workOrderId,
    assignmentId: task.id,
    actor: actorOf(actor),
    type: "technician.checked_in",
    data: { mutationId: mutation.mutationId, deviceAt: mutation.deviceAt, located: Boolean(mutation.location) },
    at,
  });
  return { outcome: "applied" };
}
