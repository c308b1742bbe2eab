import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { assignablePeopleScope, assignmentScope } from "@/lib/authz/scopes";
import type { TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import type { TTimeInput } from "@/lib/time/calendar";
import type { TOccurrence } from "@/lib/time/local-time";
import { formatVisit } from "@/lib/time/zones";
import { recordEvent } from "@/lib/timeline/record-event";
import { taskInstant } from "./task-zone";
import { canAssignTechnicians, canTransition, transition, workOrderStatusFor } from "./status-machine";
import { statusLabel } from "@/lib/statuses/status-words";

// scheduledAt: a wall clock is read in each task's own site's zone.
export type TTaskPlan = { scheduledAt?: TTimeInput; occurrence?: TOccurrence; personIds?: string[] };

const TASK_INCLUDE = {
  organisation: { select: { timezone: true, name: true } },
  workOrder: { select: { number: true, title: true, site: { select: { name: true, timezone: true } } } },
  technicians: { select: { personId: true } },
} as const;

// Schedules and/or staffs tasks in one pass: each task changes at most once (one version
// bump, one timeline event), and each newly assigned person gets ONE email listing all of
// their new tasks. The rows are locked first, so the same edit submitted twice at once
// (a double click, two tabs, two instances) waits for the first and then finds nothing
// left to do: a repeated edit changes, records and emails once. All tasks or none: one
// task out of scope or in the wrong state refuses the whole edit.
export async function planTasks(tx: TTx, actor: TDeskActor, assignmentIds: string[], plan: TTaskPlan) {
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
  if (plan.scheduledAt) {
    const refused = tasks.filter((t) => !canTransition(t.status, "schedule", "desk"));
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

  const peopleByCompany = new Map<string, { id: string; user: { id: string; name: string; email: string } }[]>();
  for (const companyId of new Set(tasks.map((t) => t.contractorCompanyId))) {
    if (!personIds.length) break;
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
  const newTasksByPerson = new Map<
    string,
    { person: { id: string; user: { id: string; name: string; email: string } }; tasks: TTask[] }
  >();
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
    const already = new Set(task.technicians.map((t) => t.personId));
    const added = (peopleByCompany.get(task.contractorCompanyId) ?? []).filter((p) => !already.has(p.id));
    if (!reschedules && added.length === 0) continue;

    const to = reschedules ? transition(task.status, "schedule", "desk") : task.status;
    await tx.assignment.update({
      where: { id: task.id },
      data: { version: { increment: 1 }, ...(reschedules ? { status: to, scheduledAt: visit } : {}) },
    });
    if (added.length)
      await tx.assignmentTechnician.createMany({ data: added.map((p) => ({ assignmentId: task.id, personId: p.id })) });
    if (reschedules && to !== task.status)
      await tx.workOrder.update({ where: { id: task.workOrderId }, data: { status: workOrderStatusFor(to) } });
    const technicians = added.length ? { technicians: added.map((p) => p.user.name) } : {};
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
        : { type: "assignment.technicians_assigned", data: technicians }),
    });
    if (reschedules) {
      scheduled++;
      task.scheduledAt = visit!;
    }
    for (const person of added) {
      const entry = newTasksByPerson.get(person.id) ?? { person, tasks: [] };
      entry.tasks.push(task);
      newTasksByPerson.set(person.id, entry);
    }
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
  return { tasks: tasks.length, scheduled, assigned };
}
