import "server-only";
import type { TTx } from "@/lib/db";
import { addJob, cancelJob } from "@/lib/jobs/add-job";
import { reminderTimes, type TReminderKind } from "./reminder-times";
import type { TVisitContext } from "./visit-participants";

const KINDS: TReminderKind[] = ["DAY_BEFORE", "MORNING"];
export const reminderJobKey = (visitId: string, kind: TReminderKind) => `visit-remind:${visitId}:${kind}`;

// Pending reminders of earlier versions of the visit are cancelled (never sent for a time
// that no longer stands); the version as it stands gets one row per reminder, person and
// channel (unique, so writing them twice writes them once) and one job per reminder time,
// keyed to the visit so a new time replaces the old job.
export async function planVisitReminders(
  tx: TTx,
  context: TVisitContext,
  visit: { id: string; sequence: number; startsAt: Date; status: "BOOKED" | "PROPOSED" | "CANCELLED" },
  now: Date,
  why = "The visit changed before it was due.",
) {
  await tx.visitReminder.updateMany({
    where: { visitId: visit.id, state: "PENDING", visitSequence: { not: visit.sequence } },
    data: { state: "CANCELLED", note: why },
  });
  const times =
    visit.status === "BOOKED"
      ? reminderTimes({ startsAt: visit.startsAt, zone: context.zone }, context.dayBeforeHour, now)
      : [];
  if (visit.status !== "BOOKED")
    await tx.visitReminder.updateMany({
      where: { visitId: visit.id, state: "PENDING" },
      data: { state: "CANCELLED", note: why },
    });
  const rows = times.flatMap((time) =>
    context.participants.flatMap((person) =>
      [
        { channel: "EMAIL" as const, recipient: person.email },
        ...(person.textTo ? [{ channel: "SMS" as const, recipient: person.textTo }] : []),
      ].map((channel) => ({
        visitId: visit.id,
        visitSequence: visit.sequence,
        kind: time.kind,
        dueAt: time.dueAt,
        recipientName: person.name,
        recipientRole: person.role,
        ...channel,
      })),
    ),
  );
  if (rows.length) await tx.visitReminder.createMany({ data: rows, skipDuplicates: true });
  for (const kind of KINDS) {
    const time = times.find((t) => t.kind === kind);
    if (time)
      await addJob(
        tx,
        "visit.remind",
        { visitId: visit.id, sequence: visit.sequence, kind },
        { runAt: time.dueAt, key: reminderJobKey(visit.id, kind) },
      );
    else await cancelJob(tx, reminderJobKey(visit.id, kind));
  }
}
