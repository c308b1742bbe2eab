import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { applyTaskEvent } from "./apply-task-event";
import { findTask } from "./find-task";
import type { ZCompleteAssignmentSchema } from "./schemas";

// The contractor's "done": the client reviews it next.
export async function completeAssignment(actor: TDeskActor, input: z.infer<typeof ZCompleteAssignmentSchema>) {
  const assignment = await findTask(actor, input.assignmentId);
  if (assignment.status === "COMPLETED") return;
  await db.$transaction((tx) =>
    applyTaskEvent(
      tx,
      assignment,
      "complete",
      "desk",
      { userId: actor.userId, label: actor.name },
      { actualOnSiteAt: input.actualOnSiteAt, completedAt: new Date() },
      { actualOnSiteAt: input.actualOnSiteAt.toISOString() },
    ),
  );
}
