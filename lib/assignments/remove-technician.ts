import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { planTasks } from "./plan-tasks";
import type { ZRemoveTechnicianSchema } from "./schemas";

// Takes one technician off a task: they are emailed, the task leaves their phone at its
// next sync, and what they recorded on it before (even offline) still arrives.
export async function removeTechnician(actor: TDeskActor, input: z.infer<typeof ZRemoveTechnicianSchema>) {
  const result = await db.$transaction((tx) =>
    planTasks(tx, actor, [input.assignmentId], { personIds: [input.personId], technicianMode: "remove" }),
  );
  return { removed: result.removed };
}
