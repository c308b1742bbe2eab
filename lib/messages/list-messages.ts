import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

// The thread between client and contractor on one task, oldest first.
export async function listMessages(actor: TStaffActor | TDeskActor, assignmentId: string) {
  return db.message.findMany({
    where: { assignmentId, assignment: assignmentScope(actor, "task.read") },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { id: true, name: true, memberships: { select: { organisationId: true } } } },
      organisationId: true,
    },
    take: 500,
  });
}
