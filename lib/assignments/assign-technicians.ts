import "server-only";
import type { z } from "zod";
import type { TDeskActor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { assignablePeopleScope, assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import type { ZAssignTechniciansSchema } from "./schemas";

const ASSIGNABLE = ["ACCEPTED", "SCHEDULED", "IN_PROGRESS", "REVISIT"] as const;

// Adds technicians of the task's own company; each newly added one gets one email with a
// link that signs them in to the technician app.
export async function assignTechnicians(actor: TDeskActor, input: z.infer<typeof ZAssignTechniciansSchema>) {
  return db.$transaction(async (tx) => {
    const assignment = await tx.assignment.findFirst({
      where: { ...assignmentScope(actor, "task.assignTechnician"), id: input.assignmentId },
      include: { workOrder: { include: { site: true } }, technicians: true },
    });
    if (!assignment) throw notFound("Task");
    if (!(ASSIGNABLE as readonly string[]).includes(assignment.status)) {
      throw new AppError("INVALID_TRANSITION", "Accept the task before assigning technicians.");
    }
    const people = await tx.contractorPerson.findMany({
      where: { ...assignablePeopleScope(actor, assignment.contractorCompanyId), id: { in: input.personIds } },
      include: { user: true },
    });
    if (people.length !== new Set(input.personIds).size) {
      throw invalidInput("Please correct the highlighted fields.", { personIds: ["Choose technicians from your own company"] });
    }
    const already = new Set(assignment.technicians.map((t) => t.personId));
    const added = people.filter((p) => !already.has(p.id));
    if (added.length === 0) return { added: 0 };
    await tx.assignmentTechnician.createMany({ data: added.map((p) => ({ assignmentId: assignment.id, personId: p.id })), skipDuplicates: true });
    await tx.assignment.update({ where: { id: assignment.id }, data: { version: { increment: 1 } } });
    await recordEvent(tx, {
      organisationId: assignment.organisationId,
      workOrderId: assignment.workOrderId,
      assignmentId: assignment.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "assignment.technicians_assigned",
      data: { technicians: added.map((p) => p.user.name) },
    });
    const when = (assignment.scheduledAt ?? assignment.plannedAt)?.toISOString().slice(0, 16).replace("T", " ") ?? null;
    for (const person of added) {
      const url = await createSignInLink(tx, person.user, { redirectTo: `/tech/tasks/${assignment.id}` });
      await enqueueEmail(tx, {
        to: person.user.email,
        organisationId: assignment.organisationId,
        template: "technician-assigned",
        data: { name: person.user.name, tasks: [{ title: assignment.workOrder.title, siteName: assignment.workOrder.site.name, when }], url },
      });
    }
    return { added: added.length };
  });
}
