import "server-only";
import { createHash } from "node:crypto";
import type { TTechActor } from "@/lib/auth/actor";
import { inspectUpload } from "@/lib/attachments/inspect-upload";
import { techWorkScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { storage } from "@/lib/storage/storage";
import { recordEvent } from "@/lib/timeline/record-event";
import { ZClientIdSchema } from "./schemas";
import { z } from "zod";
import { ZIdSchema } from "@/lib/ids";

export const ZPhotoTargetSchema = z.object({
  photoId: ZClientIdSchema,
  taskId: ZIdSchema,
  serviceTaskId: ZIdSchema.optional(),
  defectId: z.optional(ZClientIdSchema),
});
export type TPhotoTarget = z.infer<typeof ZPhotoTargetSchema>;

// A photo taken on site. The device names it, so sending it again (after a dropped
// connection, or twice) finds the stored one instead of adding a copy.
export async function uploadPhoto(
  actor: TTechActor,
  target: TPhotoTarget,
  bytes: Uint8Array,
): Promise<{ id: string; created: boolean }> {
  const task = await db.assignment.findFirst({
    where: { ...techWorkScope(actor), id: target.taskId },
    select: { id: true, organisationId: true, workOrderId: true },
  });
  if (!task) throw notFound("Task");
  const storageKey = `photos/${task.id}/${target.photoId}`;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const existing = await findExisting(storageKey, sha256);
  if (existing) return existing;

  const { contentType } = await inspectUpload(bytes, `${target.photoId}.jpg`);
  if (!contentType.startsWith("image/"))
    throw invalidInput("Only photos can be added here.", { file: ["Choose a photo"] });
  if (target.serviceTaskId) {
    const serviceTask = await db.serviceTask.findFirst({
      where: { id: target.serviceTaskId, workOrderId: task.workOrderId },
      select: { id: true },
    });
    if (!serviceTask) throw notFound("Service task");
  }
  if (target.defectId) {
    const defect = await db.defect.findFirst({
      where: { id: target.defectId, assignmentId: task.id },
      select: { id: true },
    });
    if (!defect) throw new AppError("CONFLICT", "The defect this photo belongs to has not arrived yet.");
  }

  // A concurrent delivery of the same photo may have stored the file already.
  await storage()
    .put(storageKey, bytes, contentType)
    .catch((error: { code?: string }) => {
      if (error?.code !== "EEXIST") throw error;
    });
  try {
    return await db.$transaction(async (tx) => {
      const attachment = await tx.attachment.create({
        data: {
          organisationId: task.organisationId,
          workOrderId: task.workOrderId,
          assignmentId: task.id,
          serviceTaskId: target.serviceTaskId,
          defectId: target.defectId,
          kind: "PHOTO",
          filename: `photo-${target.photoId.slice(0, 8)}.${contentType === "image/jpeg" ? "jpg" : contentType.split("/")[1]}`,
          contentType,
          sizeBytes: bytes.byteLength,
          sha256,
          storageKey,
          uploadedById: actor.userId,
        },
      });
      await recordEvent(tx, {
        organisationId: task.organisationId,
        workOrderId: task.workOrderId,
        assignmentId: task.id,
        actor: { userId: actor.userId, label: actor.name },
        type: "attachment.uploaded",
        data: { filename: attachment.filename, kind: "PHOTO" },
      });
      return { id: attachment.id, created: true };
    });
  } catch (error) {
    // A duplicate delivery stored the same photo a moment earlier: theirs stands.
    const raced = await findExisting(storageKey, sha256);
    if (raced) return raced;
    throw error;
  }
}

async function findExisting(storageKey: string, sha256: string): Promise<{ id: string; created: boolean } | null> {
  const existing = await db.attachment.findUnique({ where: { storageKey }, select: { id: true, sha256: true } });
  if (!existing) return null;
  if (existing.sha256 !== sha256) throw new AppError("CONFLICT", "A different photo was already sent under this id.");
  return { id: existing.id, created: false };
}
