import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { addTechnicians, TASK_FOR_TECHNICIANS_INCLUDE } from "./add-technicians";
import type { ZAssignTechniciansSchema } from "./schemas";

// Adds technicians of the task's own company; each newly added one is emailed a link
// that signs them in to the technician app.
export async function assignTechnicians(actor: TDeskActor, input: z.infer<typeof ZAssignTechniciansSchema>) {
  return db.$transaction(async (tx) => {
    const task = await tx.assignment.findFirst({
      where: { ...assignmentScope(actor, "task.assignTechnician"), id: input.assignmentId },
      include: TASK_FOR_TECHNICIANS_INCLUDE,
    });
    if (!task) throw notFound("Task");
    return { added: await addTechnicians(tx, actor, [task], input.personIds) };
  });
}
