import "server-only";
import type { AttachmentKind } from "@/generated/prisma/client";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { assignmentScope, workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { withStoredUpload } from "./store-upload";

type TTarget = { organisationId: string; workOrderId: string; assignmentId: string | null };

async function targetFor(
  actor: TStaffActor | TDeskActor,
  input: { workOrderId?: string; assignmentId?: string },
): Promise<TTarget> {
  if (actor.kind === "staff") {
    const workOrder = await db.workOrder.findFirst({
      where: { ...workOrderScope(actor), id: input.workOrderId },
      select: { id: true, organisationId: true },
    });
    if (!workOrder) throw notFound("Work order");
    return { organisationId: workOrder.organisationId, workOrderId: workOrder.id, assignmentId: null };
  }
  const task = await db.assignment.findFirst({
    where: {
      ...assignmentScope(actor, "task.respond"),
      id: input.assignmentId,
      status: { notIn: ["CANCELLED", "DECLINED"] },
    },
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
  return withStoredUpload(input.file, target.organisationId, null, (upload) =>
    db.$transaction(async (tx) => {
      const attachment = await tx.attachment.create({
        data: {
          ...upload,
          organisationId: target.organisationId,
          workOrderId: target.workOrderId,
          assignmentId: target.assignmentId,
          kind: input.kind,
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
    }),
  );
}
