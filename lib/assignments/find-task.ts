import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import type { TDeskPermission } from "@/lib/authz/permissions";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

// Loads a task through the actor's scope: out of scope is not found.
export async function findTask(
  actor: TDeskActor | TStaffActor,
  assignmentId: string,
  deskPermission: TDeskPermission = "task.respond",
) {
  const assignment = await db.assignment.findFirst({
    where: { ...assignmentScope(actor, deskPermission), id: assignmentId },
  });
  if (!assignment) throw notFound("Task");
  return assignment;
}
