import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { TTimeInput } from "@/lib/time/calendar";
import type { TOccurrence } from "@/lib/time/local-time";
import { applyTaskEvent } from "./apply-task-event";
import { findTask } from "./find-task";
import type { ZDeclineAssignmentSchema } from "./schemas";
import { taskInstant, taskTimeZone } from "./task-zone";

export async function acceptAssignment(
  actor: TDeskActor,
  input: { assignmentId: string; plannedAt?: TTimeInput; occurrence?: TOccurrence },
) {
  const assignment = await findTask(actor, input.assignmentId);
  // A second click on "accept" is answered with the first result.
  if (assignment.status === "ACCEPTED") return assignment;
  const plannedAt =
    input.plannedAt && taskInstant(input.plannedAt, await taskTimeZone(assignment.id), input.occurrence, "plannedAt");
  await db.$transaction((tx) =>
    applyTaskEvent(
      tx,
      assignment,
      "accept",
      "desk",
      { userId: actor.userId, label: actor.name },
      { respondedAt: new Date(), plannedAt },
      {
        plannedAt: plannedAt?.toISOString() ?? null,
      },
    ),
  );
  return db.assignment.findUniqueOrThrow({ where: { id: assignment.id } });
}

export async function declineAssignment(actor: TDeskActor, input: z.infer<typeof ZDeclineAssignmentSchema>) {
  const assignment = await findTask(actor, input.assignmentId);
  if (assignment.status === "DECLINED") return assignment;
  await db.$transaction((tx) =>
    applyTaskEvent(
      tx,
      assignment,
      "decline",
      "desk",
      { userId: actor.userId, label: actor.name },
      { respondedAt: new Date(), declineReason: input.reason },
      {
        reason: input.reason,
      },
    ),
  );
  return db.assignment.findUniqueOrThrow({ where: { id: assignment.id } });
}
