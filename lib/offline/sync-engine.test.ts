import "fake-indexeddb/auto";
import Dexie from "dexie";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadStaffActor, loadTechActor } from "@/lib/auth/actor";
import { cancelAssignment } from "@/lib/assignments/cancel-assignment";
import { db } from "@/lib/db";
import { createAssignment, createServiceTasks, createWorld } from "@/prisma/factories";
import { inProcessTransport } from "@/tests/in-process-transport";
import { PNG_BYTES, SIGNATURE_SVG } from "@/tests/sample-files";
import { OfflineDatabase } from "./database";
import { enqueueMutation } from "./enqueue";
import { savePhoto } from "./photos-store";
import { projectTask } from "./project-task";
import { createSyncEngine } from "./sync-engine";
import { TransportError } from "./transport";

const SVG = SIGNATURE_SVG;

async function setUp() {
  const world = await createWorld(db);
  const task = await createAssignment(db, {
    workOrderId: world.workOrder.id,
    contractorCompanyId: world.company.id,
    status: "SCHEDULED",
    technicianIds: [world.technician.person.id],
  });
  const serviceTasks = await createServiceTasks(db, world.workOrder);
  const tech = (await loadTechActor(world.technician.user.id))!;
  const local = new OfflineDatabase(`test-${randomUUID()}`);
  const transport = inProcessTransport(tech);
  return { world, task, serviceTasks, tech, local, transport, engine: createSyncEngine({ db: local, transport }) };
}

describe("the device's sync engine", () => {
  it("works offline from its cache, then sends everything once when back online", async () => {
    const { task, serviceTasks, local, transport, engine } = await setUp();
    expect((await engine.syncNow()).ok).toBe(true);
    expect((await local.tasks.get(task.id))?.serviceTasks).toHaveLength(3);

    transport.online = false;
    const defectId = randomUUID();
    await enqueueMutation(local, task.id, { type: "check_in" });
    await enqueueMutation(local, task.id, {
      type: "record_result",
      serviceTaskId: serviceTasks[1].id,
      changes: { reading: 10.2 },
      base: { reading: null },
    });
    await enqueueMutation(local, task.id, {
      type: "report_defect",
      defectId,
      severity: "MEDIUM",
      description: "Loose cover",
    });
    await savePhoto(local, {
      taskId: task.id,
      defectId,
      photo: new Blob([PNG_BYTES], { type: "image/png" }),
      thumbnail: new Blob([PNG_BYTES]),
    });
    await enqueueMutation(local, task.id, {
      type: "perform",
      notes: "Done",
      technicianSignature: { name: "Tom", svg: SVG },
    });
    const report = await engine.syncNow();
    expect(report).toMatchObject({ ok: false, error: "offline" });
    const shown = projectTask(
      (await local.tasks.get(task.id))!,
      (await local.outbox.orderBy("order").toArray()).map((e) => e.mutation),
    );
    expect(shown.status).toBe("PERFORMED");
    expect(shown.defects.map((d) => d.description)).toEqual(["Loose cover"]);

    transport.online = true;
    expect(await engine.syncNow()).toMatchObject({ ok: true, pushed: 4 });
    expect(await local.outbox.count()).toBe(0);
    expect((await local.photos.toArray()).map((p) => p.state)).toEqual(["uploaded"]);
    expect((await local.tasks.get(task.id))?.status).toBe("PERFORMED");
    const server = await db.assignment.findUniqueOrThrow({
      where: { id: task.id },
      include: { defects: true, checkIns: true, attachments: true },
    });
    expect(server.status).toBe("PERFORMED");
    expect(server.checkIns).toHaveLength(1);
    expect(server.attachments.filter((a) => a.defectId === defectId)).toHaveLength(1);
    expect(await engine.syncNow()).toMatchObject({ ok: true, pushed: 0 });
    expect(await db.syncMutation.count({ where: { assignmentId: task.id } })).toBe(4);
  });

  it("keeps photo bytes, not Blobs, which WebKit cannot store in a private session", async () => {
    const { task, local } = await setUp();
    const saved = await savePhoto(local, {
      taskId: task.id,
      photo: new Blob([PNG_BYTES], { type: "image/png" }),
      thumbnail: new Blob([PNG_BYTES], { type: "image/png" }),
    });
    const row = (await local.photos.get(saved.photoId))!;
    expect(row.content).not.toBeInstanceOf(Blob);
    expect(row.thumbnail).not.toBeInstanceOf(Blob);
    expect(row.content).toMatchObject({ type: "image/png" });
    expect(new Uint8Array((row.content as { bytes: ArrayBuffer }).bytes)).toEqual(new Uint8Array(PNG_BYTES));
  });

  it("uploads a photo that the previous version of the app left waiting as a Blob", async () => {
    const { task, local, transport } = await setUp();
    const name = local.name;
    // The phone's database as version 1 of the app wrote it.
    const before = new Dexie(name);
    before.version(1).stores({
      tasks: "id",
      outbox: "mutationId, order, taskId, state",
      photos: "photoId, taskId, state, createdAt",
      documents: "id",
      meta: "key",
    });
    const photoId = randomUUID();
    await before.table("photos").add({
      photoId,
      taskId: task.id,
      blob: new Blob([PNG_BYTES], { type: "image/png" }),
      thumbnail: new Blob([PNG_BYTES], { type: "image/png" }),
      state: "pending",
      attempts: 0,
      createdAt: new Date().toISOString(),
    });
    await before
      .table("documents")
      .add({ id: "doc-1", filename: "manual.pdf", contentType: "application/pdf", blob: new Blob(["manual"]) });
    before.close();

    const upgraded = new OfflineDatabase(name);
    expect(await upgraded.photos.get(photoId)).toMatchObject({ state: "pending", content: expect.any(Blob) });
    expect(await (await upgraded.documents.get("doc-1"))!.content).toBeInstanceOf(Blob);
    expect(await createSyncEngine({ db: upgraded, transport }).syncNow()).toMatchObject({ ok: true });
    const sent = (await upgraded.photos.get(photoId))!;
    expect(sent.state).toBe("uploaded");
    expect(sent.content).toBeUndefined();
    const stored = await db.attachment.findFirstOrThrow({ where: { assignmentId: task.id, kind: "PHOTO" } });
    expect(stored).toMatchObject({ contentType: "image/png", sizeBytes: PNG_BYTES.byteLength });
  });

  it("keeps the server's count of open tasks that did not fit on the phone", async () => {
    const { local, transport } = await setUp();
    const engine = createSyncEngine({
      db: local,
      transport: { ...transport, fetchTasks: async () => ({ ...(await transport.fetchTasks()), openTasksLeftOut: 7 }) },
    });
    expect((await engine.syncNow()).ok).toBe(true);
    expect((await local.meta.get("openTasksLeftOut"))?.value).toBe(7);
  });

  it("keeps a task taken away while it holds unsent work, and shows the office kept it", async () => {
    const { world, task, local, transport, engine } = await setUp();
    await engine.syncNow();
    transport.online = false;
    await enqueueMutation(local, task.id, { type: "check_in" });
    await cancelAssignment((await loadStaffActor(world.admin.id))!, {
      assignmentId: task.id,
      reason: "Tenant fixed it",
    });
    transport.online = true;
    const report = await engine.syncNow();
    expect(report.ok).toBe(true);
    const [entry] = await local.outbox.toArray();
    expect(entry).toMatchObject({ state: "conflict", result: { outcome: "conflict" } });
    expect((await local.tasks.get(task.id))?.withdrawn).toBe(true);
    await local.outbox.clear();
    await engine.syncNow();
    expect(await local.tasks.get(task.id)).toBeUndefined();
  });

  it("goes round again when asked during a run that fails, so a returning network is used at once", async () => {
    const { task, local, transport, engine } = await setUp();
    await engine.syncNow();
    await enqueueMutation(local, task.id, { type: "check_in" });
    const send = transport.sync.bind(transport);
    let dropped = false;
    transport.sync = async (request) => {
      if (dropped) return send(request);
      dropped = true;
      void engine.syncNow(); // the network comes back while this request fails
      throw new TransportError("dropped");
    };
    expect(await engine.syncNow()).toMatchObject({ ok: true });
    expect(await local.outbox.count()).toBe(0);
  });

  it("reopens the database when the browser closes it under the app", async () => {
    const { task, local, engine } = await setUp();
    await engine.syncNow();
    await enqueueMutation(local, task.id, { type: "check_in" });
    local.close();
    expect(await engine.syncNow()).toMatchObject({ ok: true, pushed: 1 });
  });
});
