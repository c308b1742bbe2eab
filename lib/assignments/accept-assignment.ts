import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { applyTaskEvent } from "./apply-task-event";
import { findTask } from "./find-task";
import type { ZAcceptAssignmentSchema, ZDeclineAssignmentSchema } from "./schemas";

export async function acceptAssignment(actor: TDeskActor, input: z.infer<typeof ZAcceptAssignmentSchema>) {
  const assignment = await findTask(actor, input.assignmentId);
  // A second click on "accept" is answered with the first result.
  if (assignment.status === "ACCEPTED") return assignment;
  await db.$transaction((tx) =>
    applyTaskEvent(tx, assignment, "accept", "desk", { userId: actor.userId, label: actor.name }, { respondedAt: new Date(), plannedAt: input.plannedAt }, {
      plannedAt: input.plannedAt?.toISOString() ?? null,
    }),
  );
  return db.assignment.findUniqueOrThrow({ where: { id: assignment.id } });
}

export async function declineAssignment(actor: TDeskActor, input: z.infer<typeof ZDeclineAssignmentSchema>) {
  const assignment = await findTask(actor, input.assignmentId);
  if (assignment.status === "DECLINED") return assignment;
  await db.$transaction((tx) =>
    applyTaskEvent(tx, assignment, "decline", "desk", { userId: actor.userId, label: actor.name }, { respondedAt: new Date(), declineReason: input.reason }, {
      reason: input.reason,
    }),
  );
  return db.assignment.findUniqueOrThrow({ where: { id: assignment.id } });
}
