import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { applyTaskEvent } from "./apply-task-event";
import { findTask } from "./find-task";
import type { ZScheduleAssignmentSchema } from "./schemas";

export async function scheduleAssignment(actor: TDeskActor, input: z.infer<typeof ZScheduleAssignmentSchema>) {
  const assignment = await findTask(actor, input.assignmentId);
  await db.$transaction((tx) =>
    applyTaskEvent(tx, assignment, "schedule", "desk", { userId: actor.userId, label: actor.name }, { scheduledAt: input.scheduledAt }, {
      scheduledAt: input.scheduledAt.toISOString(),
    }),
  );
}
