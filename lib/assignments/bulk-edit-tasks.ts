import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { TTimeInput } from "@/lib/time/calendar";
import type { TOccurrence } from "@/lib/time/local-time";
import { planTasks } from "./plan-tasks";
import type { TTechnicianMode } from "./schemas";

export type TBulkEditInput = {
  assignmentIds: string[];
  personId?: string;
  technicianMode?: TTechnicianMode;
  scheduledAt?: TTimeInput;
  occurrence?: TOccurrence;
};

// Adds, puts in place of the others, or takes off a technician, and/or sets a scheduled
// date, on many tasks at once, through the same one
// pass as the single-task actions.
export async function bulkEditTasks(actor: TDeskActor, input: TBulkEditInput) {
  const plan = {
    scheduledAt: input.scheduledAt,
    occurrence: input.occurrence,
    personIds: input.personId ? [input.personId] : [],
    technicianMode: input.technicianMode,
  };
  return db.$transaction((tx) => planTasks(tx, actor, input.assignmentIds, plan), { timeout: 30_000 });
}
