import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { assignablePeopleScope } from "@/lib/authz/scopes";
import type { TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, invalidInput } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";

export const TECHNICIAN_ASSIGNABLE = ["ACCEPTED", "SCHEDULED", "IN_PROGRESS", "REVISIT"] as const;

export type TTaskForTechnicians = {
  id: string;
  organisationId: string;
  workOrderId: string;
  contractorCompanyId: string;
  status: string;
  plannedAt: Date | null;
  scheduledAt: Date | null;
  workOrder: { number: number; title: string; site: { name: string } };
  technicians: { personId: string }[];
};

// Adds people of each task's own company to the tasks, then sends each newly assigned
// person ONE email listing all of their new tasks (however many tasks were edited).
export async function addTechnicians(tx: TTx, actor: TDeskActor, tasks: TTaskForTechnicians[], personIds: string[]): Promise<number> {
  const blocked = tasks.filter((t) => !(TECHNICIAN_ASSIGNABLE as readonly string[]).includes(t.status));
  if (blocked.length) {
    throw new AppError("INVALID_TRANSITION", `Accept these tasks before assigning technicians: ${blocked.map((t) => `#${t.workOrder.number}`).join(", ")}.`);
  }
  const newTasksByPerson = new Map<string, { person: { id: string; user: { id: string; name: string; email: string } }; tasks: TTaskForTechnicians[] }>();
  for (const task of tasks) {
    const people = await tx.contractorPerson.findMany({
      where: { ...assignablePeopleScope(actor, task.contractorCompanyId), id: { in: personIds } },
      include: { user: true },
    });
    if (people.length !== new Set(personIds).size) {
      throw invalidInput("Please correct the highlighted fields.", { personIds: ["Choose technicians from the task's own company"] });
    }
    const already = new Set(task.technicians.map((t) => t.personId));
    const added = people.filter((p) => !already.has(p.id));
    if (added.length === 0) continue;
    await tx.assignmentTechnician.createMany({ data: added.map((p) => ({ assignmentId: task.id, personId: p.id })), skipDuplicates: true });
    await tx.assignment.update({ where: { id: task.id }, data: { version: { increment: 1 } } });
    await recordEvent(tx, {
      organisationId: task.organisationId,
      workOrderId: task.workOrderId,
      assignmentId: task.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "assignment.technicians_assigned",
      data: { technicians: added.map((p) => p.user.name) },
    });
    for (const person of added) {
      const entry = newTasksByPerson.get(person.id) ?? { person, tasks: [] };
      entry.tasks.push(task);
      newTasksByPerson.set(person.id, entry);
    }
  }
  for (const { person, tasks: newTasks } of newTasksByPerson.values()) {
    const url = await createSignInLink(tx, person.user, { redirectTo: newTasks.length === 1 ? `/tech/tasks/${newTasks[0].id}` : "/tech" });
    await enqueueEmail(tx, {
      to: person.user.email,
      organisationId: newTasks[0].organisationId,
      template: "technician-assigned",
      data: {
        name: person.user.name,
        tasks: newTasks.map((t) => ({
          title: `#${t.workOrder.number} ${t.workOrder.title}`,
          siteName: t.workOrder.site.name,
          when: (t.scheduledAt ?? t.plannedAt)?.toISOString().slice(0, 16).replace("T", " ") ?? null,
        })),
        url,
      },
    });
  }
  return [...newTasksByPerson.values()].reduce((sum, e) => sum + e.tasks.length, 0);
}

export const TASK_FOR_TECHNICIANS_INCLUDE = { workOrder: { select: { number: true, title: true, site: { select: { name: true } } } }, technicians: { select: { personId: true } } } as const;
