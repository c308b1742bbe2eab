import "server-only";
import type { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { applyTaskEvent } from "./apply-task-event";
import { findTask } from "./find-task";
import type { ZCancelAssignmentSchema } from "./schemas";

type TCancellable = Parameters<typeof applyTaskEvent>[1] & { contractorCompanyId: string };

// Takes the task away from the contractor (the work order reopens for another) and
// tells the contractor's office why. Used by cancel and by reassign.
export async function cancelTaskInTransaction(tx: TTx, actor: TStaffActor, assignment: TCancellable, reason: string): Promise<void> {
  await applyTaskEvent(tx, assignment, "cancel", "staff", { userId: actor.userId, label: actor.name }, {}, { reason });
  const [workOrder, people] = await Promise.all([
    tx.workOrder.findUniqueOrThrow({ where: { id: assignment.workOrderId }, select: { number: true, title: true } }),
    tx.contractorPerson.findMany({
      where: { contractorCompanyId: assignment.contractorCompanyId, active: true, role: { in: ["ADMIN", "OFFICE"] }, user: { deactivatedAt: null } },
      select: { user: { select: { email: true } } },
    }),
  ]);
  for (const person of people) {
    await enqueueEmail(tx, {
      to: person.user.email,
      organisationId: actor.organisationId,
      template: "task-cancelled",
      data: { clientName: actor.organisationName, workOrderNumber: workOrder.number, title: workOrder.title, reason, url: `${env.APP_URL}/desk/tasks/${assignment.id}` },
    });
  }
}

export async function cancelAssignment(actor: TStaffActor, input: z.infer<typeof ZCancelAssignmentSchema>) {
  const assignment = await findTask(actor, input.assignmentId);
  if (assignment.status === "CANCELLED") return;
  await db.$transaction((tx) => cancelTaskInTransaction(tx, actor, assignment, input.reason));
}
