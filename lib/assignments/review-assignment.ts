import "server-only";
import type { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { applyTaskEvent } from "./apply-task-event";
import { findTask } from "./find-task";
import type { ZReviewAssignmentSchema } from "./schemas";

// Client staff accept the performed work (→ reviewed) or send it back with a reason.
export async function reviewAssignment(actor: TStaffActor, input: z.infer<typeof ZReviewAssignmentSchema>) {
  const assignment = await findTask(actor, input.assignmentId);
  const who = { userId: actor.userId, label: actor.name };
  if (input.decision === "accept") {
    if (assignment.status === "REVIEWED") return;
    await db.$transaction((tx) => applyTaskEvent(tx, assignment, "review", "staff", who));
    return;
  }
  await db.$transaction((tx) =>
    applyTaskEvent(tx, assignment, "sendBack", "staff", who, { completedAt: null }, { reason: input.reason }),
  );
}
