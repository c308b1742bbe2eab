import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { planTasks } from "./plan-tasks";
import type { ZScheduleAssignmentSchema } from "./schemas";

export async function scheduleAssignment(actor: TDeskActor, input: z.infer<typeof ZScheduleAssignmentSchema>) {
  await db.$transaction((tx) => planTasks(tx, actor, [input.assignmentId], { scheduledAt: input.scheduledAt }));
}
