import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { addTechnicians, TASK_FOR_TECHNICIANS_INCLUDE } from "./add-technicians";
import { applyTaskEvent } from "./apply-task-event";
import type { ZBulkEditTasksSchema } from "./schemas";

// Sets a technician and/or a scheduled date on many tasks at once: all of them or none
// (one task out of scope or in the wrong state refuses the whole edit).
export async function bulkEditTasks(actor: TDeskActor, input: z.infer<typeof ZBulkEditTasksSchema>) {
  return db.$transaction(
    async (tx) => {
      const ids = [...new Set(input.assignmentIds)];
      const tasks = await tx.assignment.findMany({
        where: { ...assignmentScope(actor, "task.assignTechnician"), id: { in: ids } },
        include: TASK_FOR_TECHNICIANS_INCLUDE,
        orderBy: { createdAt: "asc" },
      });
      if (tasks.length !== ids.length) throw notFound("Task");
      let scheduled = 0;
      if (input.scheduledAt) {
        for (const task of tasks) {
          await applyTaskEvent(tx, task, "schedule", "desk", { userId: actor.userId, label: actor.name }, { scheduledAt: input.scheduledAt }, {
            scheduledAt: input.scheduledAt.toISOString(),
          });
          task.scheduledAt = input.scheduledAt;
          task.status = "SCHEDULED";
        }
        scheduled = tasks.length;
      }
      const assigned = input.personId ? await addTechnicians(tx, actor, tasks, [input.personId]) : 0;
      return { tasks: tasks.length, scheduled, assigned };
    },
    { timeout: 30_000 },
  );
}
