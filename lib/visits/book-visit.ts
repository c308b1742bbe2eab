import "server-only";
import type { z } from "zod";
import type { TDeskActor, TTechActor } from "@/lib/auth/actor";
import { planTasks } from "@/lib/assignments/plan-tasks";
import { canTransition } from "@/lib/assignments/status-machine";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { instantIn } from "@/lib/time/local-time";
import { now as presentMoment } from "@/lib/time/now";
import { parseCalendarDay } from "@/lib/time/wall-clock";
import { formatTimeWindow } from "@/lib/time/zones";
import { recordEvent } from "@/lib/timeline/record-event";
import { issueRequestLink } from "@/lib/tenant-requests/issue-request-link";
import type { ZBookVisitSchema } from "./schemas";
import { insideWindows } from "@/lib/tenant-requests/window-instants";
import { planVisitReminders } from "./plan-visit-reminders";
import { readVisitContext } from "./visit-participants";

export type TBookedVisit = { outcome: "booked" | "proposed"; when: string };

// The contractor books the task's visit, from the Desk or from a technician's app (their
// own tasks only): a start on the site's clock and a length. Inside one of the tenant's
// windows (or for work no tenant asked for) it is booked at once; outside them it is
// proposed, and the tenant confirms it through their link.
export async function bookVisit(
  actor: TDeskActor | TTechActor,
  input: z.infer<typeof ZBookVisitSchema>,
  now = presentMoment(),
): Promise<TBookedVisit> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Assignment" WHERE id = ${input.assignmentId} FOR UPDATE`;
    const task = locked
      ? await tx.assignment.findFirst({
          where: { ...assignmentScope(actor, "task.plan"), id: input.assignmentId },
          select: {
            id: true,
            status: true,
            organisationId: true,
            workOrderId: true,
            organisation: { select: { timezone: true } },
            workOrder: {
              select: {
                site: { select: { timezone: true } },
                tenantRequest: {
                  select: {
                    id: true,
                    state: true,
                    contact: { select: { name: true, email: true } },
                    organisation: { select: { name: true } },
                    windows: { where: { supersededAt: null }, select: { startsAt: true, endsAt: true } },
                  },
                },
              },
            },
          },
        })
      : null;
    if (!task) throw notFound("Task");
    if (!canTransition(task.status, "schedule", actor.kind))
      throw new AppError("INVALID_TRANSITION", "Accept the task before booking its visit.");
    const zone = task.workOrder.site.timezone ?? task.organisation.timezone;
    const [hour, minute] = input.from.split(":").map(Number);
    const startsAt = instantIn(
      { kind: "local", clock: { ...parseCalendarDay(input.day)!, hour, minute, second: 0 } },
      zone,
      "earlier",
      "from",
    );
    if (startsAt <= now) throw invalidInput("Please correct the highlighted fields.", { day: ["Choose a time ahead"] });
    const endsAt = new Date(startsAt.getTime() + input.minutes * 60_000);
    const when = formatTimeWindow(startsAt, endsAt, zone);
    const tenant = task.workOrder.tenantRequest?.state === "OPEN" ? task.workOrder.tenantRequest : null;

    if (!tenant || insideWindows({ startsAt, endsAt }, tenant.windows)) {
      await planTasks(tx, actor, [task.id], { scheduledAt: startsAt, visitMinutes: input.minutes });
      return { outcome: "booked", when };
    }
    await proposeVisit(tx, actor, { task, tenant, startsAt, endsAt, when }, now);
    return { outcome: "proposed", when };
  });
}

type TProposal = {
  task: { id: string; organisationId: string; workOrderId: string };
  tenant: { id: string; contact: { name: string; email: string }; organisation: { name: string } };
  startsAt: Date;
  endsAt: Date;
  when: string;
};

// A time outside the tenant's windows waits for the tenant: the live visit (or a new one)
// is PROPOSED, its reminders stop, and the tenant is asked to confirm it or give new times.
async function proposeVisit(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  actor: TDeskActor | TTechActor,
  { task, tenant, startsAt, endsAt, when }: TProposal,
  now: Date,
) {
  const context = await readVisitContext(tx, task.id);
  const live = await tx.visit.findFirst({
    where: { assignmentId: task.id, status: { in: ["BOOKED", "PROPOSED"] } },
    orderBy: { createdAt: "desc" },
  });
  const visit = live
    ? await tx.visit.update({
        where: { id: live.id },
        data: { startsAt, endsAt, status: "PROPOSED", tenantConfirmed: false, sequence: { increment: 1 } },
      })
    : await tx.visit.create({
        data: {
          uid: `visit-${crypto.randomUUID()}@fieldgate`,
          organisationId: task.organisationId,
          workOrderId: task.workOrderId,
          assignmentId: task.id,
          startsAt,
          endsAt,
          timezone: context.zone,
          status: "PROPOSED",
          tenantConfirmed: false,
          createdById: actor.userId,
        },
      });
  await planVisitReminders(tx, context, visit, now, "The visit waits for the tenant's confirmation.");
  await enqueueEmail(tx, {
    to: tenant.contact.email,
    organisationId: task.organisationId,
    template: "visit-needs-confirmation",
    data: {
      name: tenant.contact.name,
      clientName: tenant.organisation.name,
      when,
      contractorName: context.contractorName,
      url: await issueRequestLink(
        tx,
        { id: tenant.id, organisationId: task.organisationId, email: tenant.contact.email },
        now,
      ),
    },
  });
  await recordEvent(tx, {
    organisationId: task.organisationId,
    workOrderId: task.workOrderId,
    assignmentId: task.id,
    actor: { userId: actor.userId, label: actor.name },
    type: "visit.proposed",
    data: { when },
  });
}
