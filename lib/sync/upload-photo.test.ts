import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadTechActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAssignment, createServiceTasks, createWorld } from "@/prisma/factories";
import { PDF_BYTES, PNG_BYTES } from "@/tests/sample-files";
import { uploadPhoto } from "./upload-photo";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e) => (e instanceof AppError ? e.code : Promise.reject(e)),
  );

async function setUp() {
  const world = await createWorld(db);
  const task = await createAssignment(db, {
    workOrderId: world.workOrder.id,
    contractorCompanyId: world.company.id,
    status: "IN_PROGRESS",
    technicianIds: [world.technician.person.id],
  });
  const serviceTasks = await createServiceTasks(db, world.workOrder);
  return { task, serviceTasks, tech: (await loadTechActor(world.technician.user.id))! };
}

describe("photos from the technician's device", () => {
  it("stores a photo once however often it is sent", async () => {
    const { task, serviceTasks, tech } = await setUp();
    const target = { photoId: randomUUID(), taskId: task.id, serviceTaskId: serviceTasks[0].id };
    const [first, ...again] = await Promise.all([
      uploadPhoto(tech, target, PNG_BYTES),
      uploadPhoto(tech, target, PNG_BYTES),
      uploadPhoto(tech, target, PNG_BYTES),
    ]);
    expect(new Set([first.id, ...again.map((a) => a.id)]).size).toBe(1);
    expect([first, ...again].filter((a) => a.created)).toHaveLength(1);
    expect(await db.attachment.count({ where: { assignmentId: task.id, kind: "PHOTO" } })).toBe(1);
  });

  it("refuses different bytes under the same id, non-images, other technicians' tasks and defects not yet synced", async () => {
    const { task, tech } = await setUp();
    const other = await setUp();
    const photoId = randomUUID();
    await uploadPhoto(tech, { photoId, taskId: task.id }, PNG_BYTES);
    expect(await code(uploadPhoto(tech, { photoId, taskId: task.id }, Uint8Array.from([...PNG_BYTES, 0])))).toBe(
      "CONFLICT",
    );
    expect(await code(uploadPhoto(tech, { photoId: randomUUID(), taskId: task.id }, PDF_BYTES))).toBe("INVALID_INPUT");
    expect(await code(uploadPhoto(tech, { photoId: randomUUID(), taskId: other.task.id }, PNG_BYTES))).toBe(
      "NOT_FOUND",
    );
    expect(
      await code(
        uploadPhoto(
          tech,
          { photoId: randomUUID(), taskId: task.id, serviceTaskId: other.serviceTasks[0].id },
          PNG_BYTES,
        ),
      ),
    ).toBe("NOT_FOUND");
    expect(
      await code(uploadPhoto(tech, { photoId: randomUUID(), taskId: task.id, defectId: randomUUID() }, PNG_BYTES)),
    ).toBe("CONFLICT");
    expect(await db.attachment.count({ where: { assignmentId: { in: [task.id, other.task.id] } } })).toBe(1);
  });
});
