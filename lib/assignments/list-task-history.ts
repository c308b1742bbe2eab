import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { findTask } from "./find-task";

const HISTORY_LIMIT = 100;

// What happened to one task, newest first, as the contractor may see it: the task's own
// events (offers, status changes, technicians, messages, work on site), never the client's
// work-order-only events such as internal edits.
export async function listTaskHistory(actor: TDeskActor, assignmentId: string) {
  const task = await findTask(actor, assignmentId, "task.read");
  return db.timelineEvent.findMany({
    where: { assignmentId: task.id },
    orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
    select: { id: true, type: true, actorLabel: true, occurredAt: true, createdAt: true, data: true },
  });
}
