import "server-only";
import type { TDeskActor, TTechActor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { assignablePeopleScope, assignmentScope } from "@/lib/authz/scopes";
import type { TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, forbidden, invalidInput, notFound } from "@/lib/errors";
import type { TTimeInput } from "@/lib/time/calendar";
import type { TOccurrence } from "@/lib/time/local-time";
import { formatVisit } from "@/lib/time/zones";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { bookTaskVisit, followVisitPeople } from "@/lib/visits/put-visit";
import { taskInstant } from "./task-zone";
import { canAssignTechnicians, canTransition, transition, workOrderStatusFor } from "./status-machine";
import { statusLabel } from "@/lib/statuses/status-words";
import type { TTechnicianMode } from "./schemas";

// scheduledAt: a wall clock is read in each task's own site's zone. technicianMode says
// what personIds do to the technicians already on a task: join them (add), take their
// place (replace), or leave (remove).
export type TTaskPlan = {
  scheduledAt?: TTimeInput;
  // The visit's length; its current length (or two hours) when not given.
  visitMinutes?: number;
  occurrence?: TOccurrence;
  personIds?: string[];
  technicianMode?: TTechnicianMode;
};
type TPersonRef = { id: string; user: { id: string; name: string; email: string } };

const TASK_INCLUDE = {
  organisation: { select: { timezone: true, name: true } },
  workOrder: { select: { number: true, title: true, site: { select: { name: true, timezone: true } } } },
  technicians: {
    select: { person: { select: { id: true, user: { select: { id: true, name: true, email: true } } } } },
  },
} as const;

// Schedules and/or staffs tasks in one pass: each task changes at most once (one version
// bump, one timeline event), and each newly assigned person gets ONE email listing all of
// their new tasks. The rows are locked first, so the same edit submitted twice at once
// (a double click, two tabs, two instances) waits for the first and then finds nothing
// left to do: a repeated edit changes, records and emails once (a removal too: the
// second finds the technician already gone). All tasks or none: one
// task out of scope or in the wrong state refuses the whole edit. A technician may only
// book the visits of their own tasks (lib/visits/book-visit.ts); staffing is the office's.
export async function planTasks(tx: TTx, actor: TDeskActor | TTechActor, assignmentIds: string[], plan: TTaskPlan) {
  const ids = [...new Set(assignmentIds)].sort();
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Assignment" WHERE id = ANY(${ids}) ORDER BY id FOR UPDATE`;
  if (locked.length !== ids.length) throw notFound("Task");
  const tasks = await tx.assignment.findMany({
    where: { ...assignmentScope(actor, "task.plan"), id: { in: ids } },
    include: TASK_INCLUDE,
    orderBy: { createdAt: "asc" },
  });
  if (tasks.length !== ids.length) throw notFound("Task");

  const personIds = [...new Set(plan.personIds ?? [])];
  if (personIds.length && actor.kind !== "desk") throw forbidden();
  const mode = plan.technicianMode ?? "add";
  if (plan.scheduledAt) {
    const refused = tasks.filter((t) => !canTransition(t.status, "schedule", actor.kind));
    if (refused.length) {
      const first = refused[0];
      throw new AppError(
        "INVALID_TRANSITION",
        `A task that is ${statusLabel(first.status).toLowerCase()} cannot be scheduled: ${refused.map((t) => `#${t.workOrder.number}`).join(", ")}.`,
      );
    }
  }
  if (personIds.length) {
    const blocked = tasks.filter((t) => !canAssignTechnicians(t.status));
    if (blocked.length) {
      throw new AppError(
        "INVALID_TRANSITION",
        `Accept these tasks before assigning technicians: ${blocked.map((t) => `#${t.workOrder.number}`).join(", ")}.`,
      );
    }
  }

  const peopleByCompany = new Map<string, TPersonRef[]>();
  for (const companyId of new Set(tasks.map((t) => t.contractorCompanyId))) {
    // Anyone on a task can be taken off it, even someone who has since left the company.
    if (!personIds.length || mode === "remove" || actor.kind !== "desk") break;
    const people = await tx.contractorPerson.findMany({
      where: { ...assignablePeopleScope(actor, companyId), id: { in: personIds } },
      include: { user: { select: { id: true, name: true, email: true } } },
    });
    if (people.length !== personIds.length) {
      throw invalidInput("Please correct the highlighted fields.", {
        personIds: ["Choose technicians from the task's own company"],
        personId: ["Choose a technician from the task's own company"],
      });
    }
    peopleByCompany.set(companyId, people);
  }

  type TTask = (typeof tasks)[number];
  const newTasksByPerson = new Map<string, { person: TPersonRef; tasks: TTask[] }>();
  const goneTasksByPerson = new Map<string, { person: TPersonRef; tasks: TTask[] }>();
  let scheduled = 0;
  const zoneOf = (task: TTask) => task.workOrder.site.timezone ?? task.organisation.timezone;
  const visitOf = new Map(
    tasks.map((task) => [
      task.id,
      plan.scheduledAt && taskInstant(plan.scheduledAt, zoneOf(task), plan.occurrence, "scheduledAt"),
    ]),
  );
  for (const task of tasks) {
    const visit = visitOf.get(task.id);
    const reschedules = visit && (task.status !== "SCHEDULED" || task.scheduledAt?.getTime() !== visit.getTime());
    const already = new Set(task.technicians.map((t) => t.person.id));
    const added =
      mode === "remove" ? [] : (peopleByCompany.get(task.contractorCompanyId) ?? []).filter((p) => !already.has(p.id));
    const removed = task.technicians
      .map((t) => t.person)
      .filter((p) =>
        mode === "remove"
          ? personIds.includes(p.id)
          : mode === "replace" && personIds.length && !personIds.includes(p.id),
      );
    if (!reschedules && added.length === 0 && removed.length === 0) continue;

    const to = reschedules ? transition(task.status, "schedule", actor.kind) : task.status;
    await tx.assignment.update({
      where: { id: task.id },
      data: { version: { increment: 1 }, ...(reschedules ? { status: to, scheduledAt: visit } : {}) },
    });
    if (added.length)
      await tx.assignmentTechnician.createMany({ data: added.map((p) => ({ assignmentId: task.id, personId: p.id })) });
    for (const person of removed) {
      await tx.assignmentTechnician.delete({
        where: { assignmentId_personId: { assignmentId: task.id, personId: person.id } },
      });
      await tx.assignmentTechnicianRemoval.upsert({
        where: { assignmentId_personId: { assignmentId: task.id, personId: person.id } },
        create: { assignmentId: task.id, personId: person.id },
        update: { removedAt: new Date() },
      });
    }
    if (reschedules && to !== task.status)
      await tx.workOrder.update({ where: { id: task.workOrderId }, data: { status: workOrderStatusFor(to) } });
    const technicians = {
      ...(added.length ? { technicians: added.map((p) => p.user.name) } : {}),
      ...(removed.length ? { removed: removed.map((p) => p.user.name) } : {}),
    };
    await recordEvent(tx, {
      organisationId: task.organisationId,
      workOrderId: task.workOrderId,
      assignmentId: task.id,
      actor: { userId: actor.userId, label: actor.name },
      ...(reschedules
        ? {
            type: "assignment.status_changed",
            data: {
              event: "schedule",
              from: task.status,
              to,
              label: statusLabel(to),
              scheduledAt: visit!.toISOString(),
              ...technicians,
            },
          }
        : added.length
          ? { type: "assignment.technicians_assigned", data: technicians }
          : { type: "assignment.technicians_removed", data: technicians }),
    });
    // The visit: booked or moved (calendar invitations, reminders), or its people changed.
    // Someone taken off as it moves gets the cancellation of the time they had, not silence.
    if (reschedules && removed.length)
      await followVisitPeople(tx, task.id, { joined: [], left: removed.map((p) => p.user) }, presentMoment());
    if (reschedules)
      await bookTaskVisit(
        tx,
        {
          assignmentId: task.id,
          startsAt: visit!,
          minutes: plan.visitMinutes,
          revisit: task.status === "REVISIT",
          createdById: actor.userId,
        },
        presentMoment(),
      );
    else
      await followVisitPeople(
        tx,
        task.id,
        { joined: added.map((p) => p.user.email), left: removed.map((p) => p.user) },
        presentMoment(),
      );
    if (reschedules) {
      scheduled++;
      task.scheduledAt = visit!;
    }
    for (const [people, byPerson] of [
      [added, newTasksByPerson],
      [removed, goneTasksByPerson],
    ] as const) {
      for (const person of people) {
        const entry = byPerson.get(person.id) ?? { person, tasks: [] };
        entry.tasks.push(task);
        byPerson.set(person.id, entry);
      }
    }
  }

  for (const { person, tasks: goneTasks } of goneTasksByPerson.values()) {
    await enqueueEmail(tx, {
      to: person.user.email,
      organisationId: goneTasks[0].organisationId,
      template: "technician-removed",
      data: {
        name: person.user.name,
        tasks: goneTasks.map((t) => ({
          title: `#${t.workOrder.number} ${t.workOrder.title}`,
          siteName: t.workOrder.site.name,
          clientName: t.organisation.name,
        })),
      },
    });
  }
  for (const { person, tasks: newTasks } of newTasksByPerson.values()) {
    const url = await createSignInLink(tx, person.user, {
      redirectTo: newTasks.length === 1 ? `/tech/tasks/${newTasks[0].id}` : "/tech",
    });
    await enqueueEmail(tx, {
      to: person.user.email,
      organisationId: newTasks[0].organisationId,
      template: "technician-assigned",
      data: {
        name: person.user.name,
        tasks: newTasks.map((t) => ({
          title: `#${t.workOrder.number} ${t.workOrder.title}`,
          siteName: t.workOrder.site.name,
          clientName: t.organisation.name,
          // Emails go to people anywhere: the site's zone is always named.
          when: t.scheduledAt || t.plannedAt ? formatVisit((t.scheduledAt ?? t.plannedAt)!, zoneOf(t), null) : null,
        })),
        url,
      },
    });
  }
  const assigned = [...newTasksByPerson.values()].reduce((sum, e) => sum + e.tasks.length, 0);
  const removedCount = [...goneTasksByPerson.values()].reduce((sum, e) => sum + e.tasks.length, 0);
  return { tasks: tasks.length, scheduled, assigned, removed: removedCount };
}
