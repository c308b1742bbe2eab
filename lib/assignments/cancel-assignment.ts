import "server-only";
import type { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { contractorOfficeEmails } from "@/lib/contractors/office-recipients";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { now as presentMoment } from "@/lib/time/now";
import { cancelTaskVisit } from "@/lib/visits/put-visit";
import { applyTaskEvent } from "./apply-task-event";
import { findTask } from "./find-task";
import type { ZCancelAssignmentSchema } from "./schemas";

type TCancellable = Parameters<typeof applyTaskEvent>[1] & { contractorCompanyId: string };

// Takes the task away from the contractor (the work order reopens for another) and
// tells the contractor's office why. Used by cancel and by reassign.
export async function cancelTaskInTransaction(
  tx: TTx,
  actor: TStaffActor,
  assignment: TCancellable,
  reason: string,
): Promise<void> {
  await applyTaskEvent(tx, assignment, "cancel", "staff", { userId: actor.userId, label: actor.name }, {}, { reason });
  // Calendars drop its visit (a cancellation of the same event) and its reminders stop.
  await cancelTaskVisit(tx, assignment.id, reason, presentMoment());
  // One transaction is one connection: its queries go one after another.
  const workOrder = await tx.workOrder.findUniqueOrThrow({
    where: { id: assignment.workOrderId },
    select: { number: true, title: true },
  });
  const recipients = await contractorOfficeEmails(tx, assignment.contractorCompanyId);
  for (const to of recipients) {
    await enqueueEmail(tx, {
      to,
      organisationId: actor.organisationId,
      template: "task-cancelled",
      data: {
        clientName: actor.organisationName,
        workOrderNumber: workOrder.number,
        title: workOrder.title,
        reason,
        url: `${env.APP_URL}/desk/tasks/${assignment.id}`,
      },
    });
  }
}

export async function cancelAssignment(actor: TStaffActor, input: z.infer<typeof ZCancelAssignmentSchema>) {
  const assignment = await findTask(actor, input.assignmentId);
  if (assignment.status === "CANCELLED") return;
  await db.$transaction((tx) => cancelTaskInTransaction(tx, actor, assignment, input.reason));
}
