import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { TTimeInput } from "@/lib/time/calendar";
import type { TOccurrence } from "@/lib/time/local-time";
import { planTasks } from "./plan-tasks";

// The visit's time is the site's wall clock when typed into the Desk (plan-tasks.ts).
export async function scheduleAssignment(
  actor: TDeskActor,
  input: { assignmentId: string; scheduledAt: TTimeInput; occurrence?: TOccurrence; visitMinutes?: number },
) {
  await db.$transaction((tx) =>
    planTasks(tx, actor, [input.assignmentId], {
      scheduledAt: input.scheduledAt,
      occurrence: input.occurrence,
      visitMinutes: input.visitMinutes,
    }),
  );
}
