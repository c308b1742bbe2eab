import "server-only";
import type { Assignment, Prisma } from "@/generated/prisma/client";
import type { TTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { transition, workOrderStatusFor, type TTaskEvent, type TTaskParty } from "./status-machine";
import { statusLabel } from "@/lib/statuses/status-words";

// Moves a task through the state machine with a guarded update: the row changes only if
// it still has the status and version we read, so two people acting at once cannot both
// win. The loser gets a clear conflict and nothing changes.
export async function applyTaskEvent(
  tx: TTx,
  assignment: Pick<Assignment, "id" | "status" | "version" | "organisationId" | "workOrderId">,
  event: TTaskEvent,
  party: TTaskParty,
  actor: { userId: string | null; label: string },
  data: Prisma.AssignmentUpdateManyMutationInput = {},
  details: Record<string, string | null> = {},
  options: { at?: Date } = {},
): Promise<void> {
  const to = transition(assignment.status, event, party);
  const updated = await tx.assignment.updateMany({
    where: { id: assignment.id, status: assignment.status, version: assignment.version },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  if (updated.count === 0)
    throw new AppError(
      "CONFLICT",
      "Someone else changed this task at the same moment. Reload to see its current state.",
    );
  // An answered (or withdrawn) offer no longer waits.
  const offerAnswered = assignment.status === "OFFERED" && to !== "OFFERED" ? { offerWaitingSince: null } : {};
  await tx.workOrder.update({
    where: { id: assignment.workOrderId },
    data: { status: workOrderStatusFor(to), ...offerAnswered },
  });
  await recordEvent(tx, {
    organisationId: assignment.organisationId,
    workOrderId: assignment.workOrderId,
    assignmentId: assignment.id,
    actor,
    type: "assignment.status_changed",
    data: { event, from: assignment.status, to, label: statusLabel(to), ...details },
    at: options.at,
  });
}
