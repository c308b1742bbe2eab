import { MAX_MUTATIONS_PER_REQUEST, type TMutationResult } from "@/lib/sync/contract";
import { deviceIdOf, setMeta, toBlob, toStoredBytes, type OfflineDatabase, type TOutboxEntry } from "./database";
import { projectTask } from "./project-task";
import { withReopen } from "./reopen";
import { TransportError, type TTransport } from "./transport";

// offline: the server could not be reached at all (not a failure worth an alarm).
export type TSyncReport = { ok: boolean; pushed: number; error?: string; signedOut?: boolean; offline?: boolean };

// Sends the outbox, then downloads the latest tasks, then uploads photos, so small
// changes never wait behind large photos. One run at a time; a request for another run
// while one is going makes it go round once more. Every step is safe to repeat: the
// server answers a repeated mutation with its first answer.
export function createSyncEngine({ db, transport }: { db: OfflineDatabase; transport: TTransport }) {
  let running: Promise<TSyncReport> | null = null;
  let again = false;

  async function pushOutbox(deviceId: string): Promise<number> {
    let pushed = 0;
    for (;;) {
      const pending = await withReopen(db, () => db.outbox.where("state").equals("pending").sortBy("order"));
      if (pending.length === 0) return pushed;
      const batch = pending.slice(0, MAX_MUTATIONS_PER_REQUEST);
      const { results } = await transport.sync({ deviceId, mutations: batch.map((entry) => entry.mutation) });
      const progress = await withReopen(db, () => settle(batch, results));
      pushed += progress;
      if (progress === 0) return pushed;
    }
  }

  async function settle(batch: TOutboxEntry[], results: TMutationResult[]): Promise<number> {
    const byId = new Map(results.map((r) => [r.mutationId, r]));
    let settled = 0;
    await db.transaction("rw", db.outbox, db.tasks, async () => {
      for (const entry of batch) {
        const result = byId.get(entry.mutationId);
        if (!result || result.outcome === "retry") continue;
        settled++;
        if (result.outcome === "applied") {
          await db.outbox.delete(entry.mutationId);
          const task = await db.tasks.get(entry.taskId);
          if (task) await db.tasks.put(projectTask(task, [entry.mutation]));
        } else {
          await db.outbox.update(entry.mutationId, { state: result.outcome, result });
        }
      }
    });
    return settled;
  }

  async function pullTasks(): Promise<void> {
    const { tasks, serverTime, openTasksLeftOut } = await transport.fetchTasks();
    await withReopen(db, () =>
      db.transaction("rw", db.tasks, db.outbox, db.photos, async () => {
        const current = new Set(tasks.map((t) => t.id));
        for (const task of tasks) await db.tasks.put({ ...task, receivedAt: serverTime });
        // A task taken away keeps showing while it holds work not yet accepted.
        for (const stale of await db.tasks.filter((t) => !current.has(t.id)).toArray()) {
          const unsent =
            (await db.outbox.where("taskId").equals(stale.id).count()) +
            (await db.photos
              .where("taskId")
              .equals(stale.id)
              .filter((p) => p.state !== "uploaded")
              .count());
          if (unsent > 0) await db.tasks.put({ ...stale, withdrawn: true });
          else await db.tasks.delete(stale.id);
        }
      }),
    );
    await setMeta(db, "lastSyncedAt", new Date().toISOString());
    await setMeta(db, "openTasksLeftOut", openTasksLeftOut ?? 0);
  }

  async function uploadPhotos(): Promise<void> {
    const pending = await withReopen(db, () => db.photos.where("state").equals("pending").sortBy("createdAt"));
    for (const photo of pending) {
      if (!photo.content) continue;
      let defectId = photo.defectId;
      if (defectId) {
        const defectEntry = (await db.outbox.where("taskId").equals(photo.taskId).toArray()).find(
          (e) => e.mutation.type === "report_defect" && e.mutation.defectId === defectId,
        );
        if (defectEntry?.state === "pending") continue; // the defect has not reached the server yet
        if (defectEntry) defectId = undefined; // the defect was refused or kept aside: keep the photo on the task
      }
      const outcome = await transport.uploadPhoto({
        photoId: photo.photoId,
        taskId: photo.taskId,
        serviceTaskId: photo.serviceTaskId,
        defectId,
        blob: toBlob(photo.content),
      });
      if (outcome.outcome === "stored")
        await withReopen(db, () =>
          db.photos.update(photo.photoId, { state: "uploaded", content: undefined, lastError: undefined }),
        );
      else if (outcome.outcome === "refused")
        await withReopen(db, () => db.photos.update(photo.photoId, { state: "failed", lastError: outcome.message }));
      else
        await withReopen(db, () =>
          db.photos.update(photo.photoId, { attempts: photo.attempts + 1, lastError: outcome.message }),
        );
    }
  }

  async function cacheDocuments(): Promise<void> {
    const tasks = await withReopen(db, () => db.tasks.toArray());
    for (const doc of tasks.flatMap((t) => t.documents)) {
      if (await db.documents.get(doc.id)) continue;
      const content = await toStoredBytes(await transport.fetchDocument(doc.id));
      await withReopen(db, () =>
        db.documents.put({ id: doc.id, filename: doc.filename, contentType: doc.contentType, content }),
      );
    }
  }

  async function runOnce(): Promise<TSyncReport> {
    const deviceId = await withReopen(db, () => deviceIdOf(db));
    let pushed = 0;
    try {
      pushed = await pushOutbox(deviceId);
      await pullTasks();
      await uploadPhotos();
      await cacheDocuments();
      await setMeta(db, "lastError", null);
      return { ok: true, pushed };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await withReopen(db, () => setMeta(db, "lastError", message)).catch(() => undefined);
      await withReopen(db, () =>
        db.outbox
          .where("state")
          .equals("pending")
          .modify((e) => void ((e.attempts += 1), (e.lastError = message))),
      ).catch(() => undefined);
      return {
        ok: false,
        pushed,
        error: message,
        signedOut: error instanceof TransportError && error.signedOut,
        offline: error instanceof TransportError && error.offline,
      };
    }
  }

  function syncNow(): Promise<TSyncReport> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let report = await runOnce();
      // Asked again while running (the network came back, a new action): go round once
      // more even if this run failed, or the request would wait for the next timer.
      while (again) {
        again = false;
        report = await runOnce();
      }
      running = null;
      return report;
    })();
    return running;
  }

  return { syncNow };
}

export type TSyncEngine = ReturnType<typeof createSyncEngine>;
