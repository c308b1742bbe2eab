import "server-only";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { enqueueSms } from "@/lib/sms/enqueue-sms";
import { now as presentMoment } from "@/lib/time/now";
import { formatInZone, formatTimeWindow } from "@/lib/time/zones";
import type { TReminderKind } from "./reminder-times";
import { participantUrl } from "./notify-visit-change";
import { readVisitContext } from "./visit-participants";

type TClaimed = {
  id: string;
  channel: "EMAIL" | "SMS";
  recipient: string;
  recipientName: string;
  recipientRole: string;
};

const STILL_TO_VISIT = ["ACCEPTED", "SCHEDULED", "REVISIT"];

const SKIP_NOTES = {
  opted_out: "Not texted: the number opted out (STOP).",
  quiet_hours: "Not texted: quiet hours on the site's clock (21:00-07:00); the email went.",
  duplicate: "Already texted.",
} as const;

// The reminder job. Its rows are claimed (PENDING to SENT) and their email or text written
// to the outbox in one transaction, under a shared lock on the visit, which a reschedule
// or cancellation takes exclusively: two runners, a retry after a crash, or a job that
// outlived its visit's time, send each reminder at most once and never one for a time
// that no longer stands.
export async function sendVisitReminders(
  input: { visitId: string; sequence: number; kind: TReminderKind },
  now = presentMoment(),
): Promise<number> {
  return db.$transaction(async (tx) => {
    const [visit] = await tx.$queryRaw<
      {
        id: string;
        assignmentId: string;
        status: string;
        sequence: number;
        startsAt: Date;
        endsAt: Date;
        taskStatus: string;
      }[]
    >`SELECT v.id, v."assignmentId", v.status::text, v.sequence, v."startsAt", v."endsAt", a.status::text AS "taskStatus"
      FROM "Visit" v JOIN "Assignment" a ON a.id = v."assignmentId" WHERE v.id = ${input.visitId} FOR SHARE OF v`;
    if (!visit || visit.status !== "BOOKED" || visit.sequence !== input.sequence) return 0;
    // A visit already under way or done (the technician came early), or begun: nothing to remind.
    const moot =
      visit.startsAt <= now
        ? "Not sent: the visit had started."
        : !STILL_TO_VISIT.includes(visit.taskStatus)
          ? "Not sent: the work was already under way or done."
          : null;
    if (moot) {
      await tx.visitReminder.updateMany({
        where: { visitId: visit.id, visitSequence: visit.sequence, kind: input.kind, state: "PENDING" },
        data: { state: "SKIPPED", note: moot },
      });
      return 0;
    }
    const claimed = await tx.$queryRaw<TClaimed[]>`
      UPDATE "VisitReminder" SET state = 'SENT', "sentAt" = ${now}
      WHERE "visitId" = ${visit.id} AND "visitSequence" = ${visit.sequence}
        AND kind = ${input.kind}::"ReminderKind" AND state = 'PENDING'
      RETURNING id, channel::text AS channel, recipient, "recipientName", "recipientRole"`;
    if (!claimed.length) return 0;
    const context = await readVisitContext(tx, visit.assignmentId);
    const day = input.kind === "MORNING" ? "today" : "tomorrow";
    const when = formatTimeWindow(visit.startsAt, visit.endsAt, context.zone);
    for (const row of claimed) {
      const person = context.participants.find((p) => p.email === row.recipient || p.textTo === row.recipient) ?? {
        role: row.recipientRole as "TENANT" | "OFFICE" | "TECHNICIAN",
        name: row.recipientName,
        email: row.recipient,
        textTo: null,
      };
      if (row.channel === "EMAIL") {
        await enqueueEmail(tx, {
          to: row.recipient,
          organisationId: context.organisationId,
          template: "visit-reminder",
          data: {
            greeting: `Hello ${row.recipientName}`,
            day,
            title: context.title,
            place: context.place,
            when,
            contractorName: context.contractorName,
            url: person.role === "TENANT" ? await participantUrl(tx, context, person, now) : null,
          },
        });
        continue;
      }
      const time = `${formatInZone(visit.startsAt, context.zone, "HH:mm")}-${formatInZone(visit.endsAt, context.zone, "HH:mm")}`;
      const queued = await enqueueSms(tx, {
        to: row.recipient,
        organisationId: context.organisationId,
        body: `${context.organisationName}: ${context.contractorName} visits ${context.place} ${day} ${time} (${context.title}). Reply STOP to stop texts.`,
        dedupeKey: `visit-reminder:${row.id}`,
        zone: context.zone,
        at: now,
      });
      if (!queued.queued)
        await tx.visitReminder.update({
          where: { id: row.id },
          data: { state: "SKIPPED", note: SKIP_NOTES[queued.why] },
        });
    }
    return claimed.length;
  });
}
