import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { AttachmentKind } from "@/generated/prisma/client";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { assignmentScope, workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { storage } from "@/lib/storage/storage";
import { recordEvent } from "@/lib/timeline/record-event";
import { cleanFilename, inspectUpload } from "./inspect-upload";

type TTarget = { organisationId: string; workOrderId: string; assignmentId: string | null };

async function targetFor(actor: TStaffActor | TDeskActor, input: { workOrderId?: string; assignmentId?: string }): Promise<TTarget> {
  if (actor.kind === "staff") {
    const workOrder = await db.workOrder.findFirst({ where: { ...workOrderScope(actor), id: input.workOrderId }, select: { id: true, organisationId: true } });
    if (!workOrder) throw notFound("Work order");
    return { organisationId: workOrder.organisationId, workOrderId: workOrder.id, assignmentId: null };
  }
  const task = await db.assignment.findFirst({
    where: { ...assignmentScope(actor, "task.respond"), id: input.assignmentId, status: { notIn: ["CANCELLED", "DECLINED"] } },
    select: { id: true, organisationId: true, workOrderId: true },
  });
  if (!task) throw notFound("Task");
  return { organisationId: task.organisationId, workOrderId: task.workOrderId, assignmentId: task.id };
}

// Staff attach documents for the contractor; contractors attach reports, invoices and
// quotes to their task. The bytes are checked before anything is stored.
export async function uploadAttachment(
  actor: TStaffActor | TDeskActor,
  input: { workOrderId?: string; assignmentId?: string; kind: AttachmentKind; file: File },
) {
  const target = await targetFor(actor, input);
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const { contentType, extension } = await inspectUpload(bytes, input.file.name);
  const storageKey = `${target.organisationId}/${randomUUID()}.${extension}`;
  await storage().put(storageKey, bytes, contentType);
  try {
    return await db.$transaction(async (tx) => {
      const attachment = await tx.attachment.create({
        data: {
          organisationId: target.organisationId,
          workOrderId: target.workOrderId,
          assignmentId: target.assignmentId,
          kind: input.kind,
          filename: cleanFilename(input.file.name, extension),
          contentType,
          sizeBytes: bytes.byteLength,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          storageKey,
          uploadedById: actor.userId,
        },
      });
      await recordEvent(tx, {
        organisationId: target.organisationId,
        workOrderId: target.workOrderId,
        assignmentId: target.assignmentId ?? undefined,
        actor: { userId: actor.userId, label: actor.name },
        type: "attachment.uploaded",
        data: { filename: attachment.filename, kind: input.kind },
      });
      return attachment;
    });
  } catch (error) {
    await storage().remove(storageKey).catch(() => undefined);
    throw error;
  }
}
