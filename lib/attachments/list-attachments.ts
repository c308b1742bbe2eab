import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TActor } from "@/lib/auth/actor";
import { accreditationCompanyScope, assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

// Which files an actor may see: staff every file of their organisation; contractors and
// technicians the client's documents of work orders given to them and their own task's
// files. Accreditation certificates belong to a company: its own people and staff of
// organisations with it in their network see them.
export function attachmentScope(actor: TActor): Prisma.AttachmentWhereInput {
  const certificates: Prisma.AttachmentWhereInput = { kind: "ACCREDITATION", contractorCompany: accreditationCompanyScope(actor) };
  if (actor.kind === "staff") return { OR: [{ organisationId: actor.organisationId }, certificates] };
  const tasks = assignmentScope(actor, "task.read");
  return {
    OR: [{ assignment: tasks }, { kind: "CLIENT_DOCUMENT", workOrder: { assignments: { some: tasks } } }, certificates],
  };
}

const SELECT = { id: true, kind: true, filename: true, contentType: true, sizeBytes: true, createdAt: true, assignmentId: true } as const;

export async function listWorkOrderAttachments(actor: TActor, workOrderId: string) {
  return db.attachment.findMany({ where: { AND: [attachmentScope(actor), { workOrderId }] }, orderBy: { createdAt: "asc" }, select: SELECT });
}

// A task's files: the client's documents and what this task's contractor uploaded.
export async function listTaskAttachments(actor: TActor, task: { id: string; workOrderId: string }) {
  return db.attachment.findMany({
    where: { AND: [attachmentScope(actor), { OR: [{ assignmentId: task.id }, { workOrderId: task.workOrderId, kind: "CLIENT_DOCUMENT" }] }] },
    orderBy: { createdAt: "asc" },
    select: SELECT,
  });
}

export async function readAttachment(actor: TActor, attachmentId: string) {
  return db.attachment.findFirst({ where: { AND: [attachmentScope(actor), { id: attachmentId }] } });
}

// The file route: a person may hold several roles (staff, office, technician), each with
// its own reach; the file is theirs to read if any of those roles may read it.
export async function readAttachmentInAnyRole(actors: TActor[], attachmentId: string) {
  if (actors.length === 0) return null;
  return db.attachment.findFirst({ where: { AND: [{ OR: actors.map(attachmentScope) }, { id: attachmentId }] } });
}
