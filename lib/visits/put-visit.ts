import "server-only";
import type { TTx } from "@/lib/db";
import { randomUUID } from "node:crypto";
import { notifyVisitChange } from "./notify-visit-change";
import { DEFAULT_VISIT_LENGTH } from "./visit-length";
import { planVisitReminders } from "./plan-visit-reminders";
import { readVisitContext } from "./visit-participants";

const LIVE = ["BOOKED", "PROPOSED"] as const;

export type TVisitChange = "booked" | "rescheduled" | "unchanged";

// The task's visit, booked for [startsAt, startsAt + minutes): the live visit moves (same
// UID, SEQUENCE one higher) unless this is a revisit, which is a visit of its own. Everyone
// concerned gets the calendar invitation for the change, and the reminders follow it.
// minutes: the live visit's length when not given.
export async function bookTaskVisit(
  tx: TTx,
  input: { assignmentId: string; startsAt: Date; minutes?: number; revisit?: boolean; createdById?: string | null },
  now: Date,
): Promise<{ visitId: string; change: TVisitChange }> {
  const [live] = input.revisit
    ? []
    : await tx.$queryRaw<{ id: string; status: string; sequence: number; startsAt: Date; endsAt: Date }[]>`
        SELECT id, status::text, sequence, "startsAt", "endsAt" FROM "Visit"
        WHERE "assignmentId" = ${input.assignmentId} AND status::text = ANY(${[...LIVE]})
        ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE`;
  const minutes =
    input.minutes ?? (live ? (live.endsAt.getTime() - live.startsAt.getTime()) / 60_000 : DEFAULT_VISIT_LENGTH);
  const endsAt = new Date(input.startsAt.getTime() + minutes * 60_000);
  const context = await readVisitContext(tx, input.assignmentId);
  if (live?.status === "BOOKED" && +live.startsAt === +input.startsAt && +live.endsAt === +endsAt)
    return { visitId: live.id, change: "unchanged" };

  let visit;
  if (live) {
    visit = await tx.visit.update({
      where: { id: live.id },
      data: {
        startsAt: input.startsAt,
        endsAt,
        timezone: context.zone,
        status: "BOOKED",
        tenantConfirmed: true,
        sequence: { increment: 1 },
      },
    });
  } else {
    visit = await tx.visit.create({
      data: {
        // Its calendar identity for life: a reschedule keeps it, so calendars update the event.
        uid: `visit-${randomUUID()}@fieldgate`,
        organisationId: context.organisationId,
        workOrderId: context.workOrderId,
        assignmentId: input.assignmentId,
        startsAt: input.startsAt,
        endsAt,
        timezone: context.zone,
        status: "BOOKED",
        createdById: input.createdById ?? null,
      },
    });
  }
  const change: TVisitChange = live?.status === "BOOKED" ? "rescheduled" : "booked";
  await notifyVisitChange(
    tx,
    context,
    visit,
    { kind: change, previous: live?.status === "BOOKED" ? live : undefined },
    now,
  );
  await planVisitReminders(tx, context, visit, now);
  return { visitId: visit.id, change };
}

// The task's live visit is off (the task was cancelled, the tenant withdrew): everyone is
// sent the calendar cancellation (same UID, SEQUENCE one higher) and its reminders stop.
export async function cancelTaskVisit(tx: TTx, assignmentId: string, reason: string, now: Date) {
  const [live] = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status::text FROM "Visit"
    WHERE "assignmentId" = ${assignmentId} AND status::text = ANY(${[...LIVE]}) AND "startsAt" > ${now}
    ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE`;
  if (!live) return null;
  const context = await readVisitContext(tx, assignmentId);
  const visit = await tx.visit.update({
    where: { id: live.id },
    data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason, sequence: { increment: 1 } },
  });
  if (live.status === "BOOKED") await notifyVisitChange(tx, context, visit, { kind: "cancelled", reason }, now);
  await planVisitReminders(tx, context, visit, now, "The visit was cancelled.");
  return visit.id;
}

// Technicians joined or left a task whose visit is booked: those who joined get its
// invitation and its reminders; those who left get the cancellation and no reminder.
export async function followVisitPeople(
  tx: TTx,
  assignmentId: string,
  change: { joined: string[]; left: { name: string; email: string }[] },
  now: Date,
) {
  const [live] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Visit" WHERE "assignmentId" = ${assignmentId} AND status = 'BOOKED' AND "startsAt" > ${now}
    ORDER BY "createdAt" DESC LIMIT 1 FOR UPDATE`;
  if (!live) return;
  const visit = await tx.visit.findUniqueOrThrow({ where: { id: live.id } });
  const context = await readVisitContext(tx, assignmentId);
  const joined = new Set(change.joined.map((e) => e.toLowerCase()));
  if (joined.size)
    await notifyVisitChange(
      tx,
      context,
      visit,
      { kind: "booked" },
      now,
      context.participants.filter((p) => joined.has(p.email)),
    );
  if (change.left.length) {
    const current = context.participants.flatMap((p) => (p.textTo ? [p.email, p.textTo] : [p.email]));
    await tx.visitReminder.updateMany({
      where: { visitId: visit.id, state: "PENDING", recipient: { notIn: current } },
      data: { state: "CANCELLED", note: "Taken off the task." },
    });
    await notifyVisitChange(
      tx,
      context,
      visit,
      { kind: "cancelled", reason: "You are no longer on this task." },
      now,
      change.left.map((person) => ({
        role: "TECHNICIAN" as const,
        ...person,
        email: person.email.toLowerCase(),
        textTo: null,
      })),
    );
  }
  await planVisitReminders(tx, context, visit, now);
}
