import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { findTask } from "@/lib/assignments/find-task";
import { taskInstant, taskTimeZone } from "@/lib/assignments/task-zone";
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { dayInZone } from "@/lib/time/zones";
import { LABOUR_TYPE_LABELS } from "./labour-types";
import type { TRecordTimeInput } from "./schemas";
import { workTimeOpen } from "./work-time-open";

const FUTURE_SLACK_MS = 5 * 60_000;

// Time a person of the contractor spent on a task, entered in the Desk: started at a wall
// clock in the site's zone, on that day of the site's calendar.
export async function recordTimeEntry(actor: TDeskActor, input: TRecordTimeInput, now = new Date()) {
  const task = await findTask(actor, input.assignmentId, "time.record");
  workTimeOpen(task.status);
  const person = await db.contractorPerson.findFirst({
    where: { id: input.personId, contractorCompanyId: task.contractorCompanyId },
    include: { user: { select: { name: true } } },
  });
  if (!person)
    throw invalidInput("Please correct the highlighted fields.", { personId: ["Choose one of your people"] });
  const zone = await taskTimeZone(task.id);
  const startedAt = taskInstant(input.startedAt, zone, input.occurrence, "startedAt");
  if (startedAt.getTime() > now.getTime() + FUTURE_SLACK_MS)
    throw invalidInput("Please correct the highlighted fields.", { startedAt: ["The start cannot be in the future"] });
  if (startedAt.getTime() + input.minutes * 60_000 > now.getTime() + FUTURE_SLACK_MS)
    throw invalidInput("Please correct the highlighted fields.", { minutes: ["This time would end in the future"] });
  if (input.estimateLineId) {
    const line = await db.estimateLine.findFirst({
      where: { id: input.estimateLineId, workOrderId: task.workOrderId, approvedAt: { not: null } },
      select: { id: true },
    });
    if (!line)
      throw invalidInput("Please correct the highlighted fields.", {
        estimateLineId: ["Choose a line of this task's approved estimate"],
      });
  }
  return db.$transaction(async (tx) => {
    const entry = await tx.timeEntry.create({
      data: {
        organisationId: task.organisationId,
        assignmentId: task.id,
        personId: person.id,
        workDate: new Date(`${dayInZone(startedAt, zone)}T00:00:00Z`),
        startedAt,
        minutes: input.minutes,
        labourType: input.labourType,
        note: input.note,
        estimateLineId: input.estimateLineId,
        source: "desk",
        createdById: actor.userId,
      },
    });
    await recordEvent(tx, {
      organisationId: task.organisationId,
      workOrderId: task.workOrderId,
      assignmentId: task.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "work.time_recorded",
      data: { person: person.user.name, minutes: input.minutes, labourType: LABOUR_TYPE_LABELS[input.labourType] },
    });
    return entry;
  });
}
