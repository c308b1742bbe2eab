import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { TTimeInput } from "@/lib/time/calendar";
import type { TOccurrence } from "@/lib/time/local-time";
import { planTasks } from "./plan-tasks";

export type TBulkEditInput = {
  assignmentIds: string[];
  personId?: string;
  scheduledAt?: TTimeInput;
  occurrence?: TOccurrence;
};

// Sets a technician and/or a scheduled date on many tasks at once, through the same one
// pass as the single-task actions.
export async function bulkEditTasks(actor: TDeskActor, input: TBulkEditInput) {
  const plan = {
    scheduledAt: input.scheduledAt,
    occurrence: input.occurrence,
    personIds: input.personId ? [input.personId] : [],
  };
  return db.$transaction((tx) => planTasks(tx, actor, input.assignmentIds, plan), { timeout: 30_000 });
}
