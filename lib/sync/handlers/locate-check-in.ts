import "server-only";
import { recordEvent } from "@/lib/timeline/record-event";
import { actorOf, type THandlerContext, type THandlerOutcome } from "./types";

// The position found after "I'm on site" was saved: added to that check-in, which keeps
// the tap's time. A check-in kept aside for the office (the task had been withdrawn) has
// no row; its position goes on the timeline with it.
export async function locateCheckIn(context: THandlerContext<"locate_check_in">): Promise<THandlerOutcome> {
  const { tx, actor, task, mutation, at } = context;
  const { location } = mutation;
  const updated = await tx.checkIn.updateMany({
    where: { assignmentId: task.id, mutationId: mutation.checkInId, userId: actor.userId, latitude: null },
    data: {
      latitude: location.latitude,
      longitude: location.longitude,
      accuracyM: location.accuracyM,
      locatedAt: new Date(mutation.deviceAt),
    },
  });
  await recordEvent(tx, {
    organisationId: task.organisationId,
    workOrderId: task.workOrderId,
    assignmentId: task.id,
    actor: actorOf(actor),
    type: "technician.check_in_located",
    data: {
      mutationId: mutation.mutationId,
      checkInId: mutation.checkInId,
      deviceAt: mutation.deviceAt,
      kept: updated.count === 1,
      ...location,
    },
    at,
  });
  return { outcome: "applied" };
}
