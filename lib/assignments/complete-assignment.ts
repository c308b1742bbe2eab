import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import type { TTimeInput } from "@/lib/time/calendar";
import type { TOccurrence } from "@/lib/time/local-time";
import { draftInvoiceOnCompletion } from "@/lib/invoices/draft-invoice-on-completion";
import { applyTaskEvent } from "./apply-task-event";
import { findTask } from "./find-task";
import { taskInstant, taskTimeZone } from "./task-zone";

// The contractor's "done": the client reviews it next, and the invoice is drafted.
export async function completeAssignment(
  actor: TDeskActor,
  input: { assignmentId: string; actualOnSiteAt?: TTimeInput; occurrence?: TOccurrence },
  now = new Date(),
) {
  const assignment = await findTask(actor, input.assignmentId);
  if (assignment.status === "COMPLETED") return;
  // Read in the site's zone, then compared as instants: east of the server, "now" there is
  // already tomorrow's date and must not be taken for the future. Not given, the
  // technician's first check-in is the time on site: the office never retypes it.
  const actualOnSiteAt = input.actualOnSiteAt
    ? taskInstant(input.actualOnSiteAt, await taskTimeZone(assignment.id), input.occurrence, "actualOnSiteAt")
    : assignment.checkedInAt;
  if (!actualOnSiteAt)
    throw invalidInput("Please correct the highlighted fields.", {
      actualOnSiteAt: ["Enter when you were on site"],
    });
  if (actualOnSiteAt.getTime() > now.getTime() + 5 * 60_000)
    throw invalidInput("Please correct the highlighted fields.", {
      actualOnSiteAt: ["The on-site date cannot be in the future"],
    });
  const who = { userId: actor.userId, label: actor.name };
  await db.$transaction(async (tx) => {
    await applyTaskEvent(
      tx,
      assignment,
      "complete",
      "desk",
      who,
      { actualOnSiteAt, completedAt: now },
      { actualOnSiteAt: actualOnSiteAt.toISOString() },
    );
    await draftInvoiceOnCompletion(tx, assignment.id, who, now);
  });
}
