import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { planTasks } from "./plan-tasks";
import type { ZAssignTechniciansSchema } from "./schemas";

// Adds technicians of the task's own company; each newly added one is emailed a link
// that signs them in to the technician app.
export async function assignTechnicians(actor: TDeskActor, input: z.infer<typeof ZAssignTechniciansSchema>) {
  const result = await db.$transaction((tx) =>
    planTasks(tx, actor, [input.assignmentId], { personIds: input.personIds }),
  );
  return { added: result.assigned };
}
