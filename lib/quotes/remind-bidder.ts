import "server-only";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { addJob, cancelJob } from "@/lib/jobs/add-job";
import { now as presentMoment } from "@/lib/time/now";
import { formatMoment } from "@/lib/time/zones";
import { issueQuoteLink } from "./issue-quote-link";

const DAY = 86_400_000;
const reminderKey = (invitationId: string) => `quote-remind:${invitationId}`;

// One reminder per invitation, 24 hours before its deadline, as a job keyed to the
// invitation: a new deadline replaces the pending one (and gets its own reminder, the
// row below being per deadline). None when the deadline is less than a day away.
export async function scheduleQuoteReminder(tx: TTx, invitationId: string, deadline: Date, now: Date) {
  const runAt = new Date(deadline.getTime() - DAY);
  if (runAt <= now) return cancelJob(tx, reminderKey(invitationId));
  await addJob(
    tx,
    "quote.remind",
    { invitationId, deadline: deadline.toISOString() },
    { runAt, key: reminderKey(invitationId) },
  );
}

// An answer, a decline, a cancellation or an award: no reminder is needed any more. (The
// job also checks for itself when it runs, for one already under way.)
export async function cancelQuoteReminders(tx: TTx, invitationIds: string[]) {
  for (const id of invitationIds) await cancelJob(tx, reminderKey(id));
}

// The reminder job: sends it when the invitation still waits for an answer to the request
// as it stands (open, this deadline). The row per invitation and deadline is written with
// the email in one transaction, so two job runners, or a retry after a crash, send it once.
export async function remindBidder(input: { invitationId: string; deadline: string }, now = presentMoment()) {
  const deadline = new Date(input.deadline);
  await db.$transaction(async (tx) => {
    const invitation = await tx.quoteInvitation.findUnique({
      where: { id: input.invitationId },
      select: {
        id: true,
        email: true,
        status: true,
        answeredAt: true,
        organisationId: true,
        quoteRequest: {
          select: {
            status: true,
            deadline: true,
            organisation: { select: { name: true, timezone: true } },
            workOrder: { select: { title: true, site: { select: { timezone: true } } } },
          },
        },
      },
    });
    const request = invitation?.quoteRequest;
    if (!invitation || !request || request.status !== "OPEN") return;
    if (request.deadline.getTime() !== deadline.getTime() || deadline <= now) return;
    if (invitation.status !== "INVITED" || invitation.answeredAt) return;
    const written = await tx.$executeRaw`
      INSERT INTO "QuoteReminder" (id, "invitationId", deadline, "sentAt")
      VALUES (${`r${invitation.id}${deadline.getTime()}`}, ${invitation.id}, ${deadline}, ${now})
      ON CONFLICT ("invitationId", deadline) DO NOTHING`;
    if (written === 0) return;
    const zone = request.workOrder.site.timezone ?? request.organisation.timezone;
    await enqueueEmail(tx, {
      to: invitation.email,
      organisationId: invitation.organisationId,
      template: "quote-reminder",
      data: {
        clientName: request.organisation.name,
        title: request.workOrder.title,
        deadline: formatMoment(deadline, zone, null),
        url: await issueQuoteLink(tx, invitation.organisationId, invitation, deadline),
      },
    });
  });
}
