import "server-only";
import { taskTimeZone } from "@/lib/assignments/task-zone";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { dayInZone } from "@/lib/time/zones";
import { LABOUR_TYPE_LABELS } from "@/lib/work-time/labour-types";
import { formatDuration } from "@/lib/work-time/parse-duration";
import { keepForOffice } from "./late-work";
import { actorOf, type THandlerContext, type THandlerOutcome } from "./types";

// The technician's own time on a task, from the phone: on the day of the site's calendar
// it started. Time is recorded whatever became of the task (work done before a
// withdrawal still counts), until the task is invoiced: then it goes to the office.
export async function recordTime(context: THandlerContext<"record_time">): Promise<THandlerOutcome> {
  const { tx, actor, task, mutation, at } = context;
  const labour = LABOUR_TYPE_LABELS[mutation.labourType];
  if (task.status === "INVOICED")
    return keepForOffice(context, `${formatDuration(mutation.minutes)} of ${labour.toLowerCase()} time`);
  // The device chose the id, so the entry is the same one however often it is sent.
  const existing = await tx.timeEntry.findUnique({ where: { id: mutation.timeEntryId }, select: { id: true } });
  if (existing) throw new AppError("INVALID_INPUT", "A time entry with this id already exists.");
  const person = await tx.contractorPerson.findFirst({
    where: { id: { in: actor.personIds }, contractorCompanyId: task.contractorCompanyId },
    select: { id: true },
  });
  if (!person) throw new AppError("FORBIDDEN", "You are not one of this company's people.");
  const startedAt = new Date(mutation.startedAt);
  const zone = await taskTimeZone(task.id, tx);
  await tx.timeEntry.create({
    data: {
      id: mutation.timeEntryId,
      organisationId: task.organisationId,
      assignmentId: task.id,
      personId: person.id,
      workDate: new Date(`${dayInZone(startedAt, zone)}T00:00:00Z`),
      startedAt,
      minutes: mutation.minutes,
      labourType: mutation.labourType,
      note: mutation.note || undefined,
      source: "tech",
      createdById: actor.userId,
    },
  });
  await recordEvent(tx, {
    organisationId: task.organisationId,
    workOrderId: task.workOrderId,
    assignmentId: task.id,
    actor: actorOf(actor),
    type: "work.time_recorded",
    data: { mutationId: mutation.mutationId, person: actor.name, minutes: mutation.minutes, labourType: labour },
    at,
  });
  return { outcome: "applied" };
}
