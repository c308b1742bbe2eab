import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { planTasks } from "./plan-tasks";
import type { ZBulkEditTasksSchema } from "./schemas";

// Sets a technician and/or a scheduled date on many tasks at once, through the same one
// pass as the single-task actions.
export async function bulkEditTasks(actor: TDeskActor, input: z.infer<typeof ZBulkEditTasksSchema>) {
  return db.$transaction((tx) => planTasks(tx, actor, input.assignmentIds, { scheduledAt: input.scheduledAt, personIds: input.personId ? [input.personId] : [] }), {
    timeout: 30_000,
  });
}
