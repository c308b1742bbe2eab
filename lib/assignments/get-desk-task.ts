import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { accreditationProblems } from "@/lib/contractors/accreditation-status";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";

export async function getDeskTask(actor: TDeskActor, assignmentId: string) {
  if (!isId(assignmentId)) throw notFound("Task");
  const task = await db.assignment.findFirst({
    where: { ...assignmentScope(actor, "task.read"), id: assignmentId },
    include: {
      organisation: { select: { name: true } },
      contractorCompany: { select: { id: true, name: true } },
      workOrder: { include: { site: true, category: true, asset: true } },
      technicians: { include: { person: { include: { user: { select: { name: true, email: true } } } } } },
      serviceTasks: { orderBy: { position: "asc" } },
    },
  });
  if (!task) throw notFound("Task");
  const required = task.workOrder.category?.requiredAccreditations ?? [];
  const people = await db.contractorPerson.findMany({
    where: { contractorCompanyId: task.contractorCompanyId, active: true, role: "TECHNICIAN" },
    include: { user: { select: { name: true } }, accreditations: { select: { type: true, expiresAt: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const technicians = people.map((p) => ({ id: p.id, name: p.user.name, problems: accreditationProblems(p.accreditations, required) }));
  // internalNotes are the client's own: never shown to the contractor.
  const { internalNotes: _internal, ...workOrder } = task.workOrder;
  return { ...task, workOrder, availableTechnicians: technicians };
}
