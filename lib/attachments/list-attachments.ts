import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { attachmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

const SELECT = {
  id: true,
  kind: true,
  filename: true,
  contentType: true,
  sizeBytes: true,
  createdAt: true,
  assignmentId: true,
  // Shown in the evidence pack's file list, so each file can be checked against it.
  sha256: true,
} as const;

export async function listWorkOrderAttachments(actor: TActor, workOrderId: string) {
  return db.attachment.findMany({
    where: { AND: [attachmentScope(actor), { workOrderId }] },
    orderBy: { createdAt: "asc" },
    select: SELECT,
  });
}

// A task's files: the client's documents, the photos the tenant sent with the request, and
// what this task's contractor uploaded.
export async function listTaskAttachments(actor: TActor, task: { id: string; workOrderId: string }) {
  return db.attachment.findMany({
    where: {
      AND: [
        attachmentScope(actor),
        {
          OR: [
            { assignmentId: task.id },
            { workOrderId: task.workOrderId, kind: "CLIENT_DOCUMENT" },
            { workOrderId: task.workOrderId, tenantRequestId: { not: null } },
          ],
        },
      ],
    },
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
