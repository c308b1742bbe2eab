import type { TTechActor } from "@/lib/auth/actor";
import { TransportError, type TTransport } from "@/lib/offline/transport";
import { applySyncBatch } from "@/lib/sync/apply-batch";
import { listTaskSnapshots } from "@/lib/sync/task-snapshots";
import { uploadPhoto } from "@/lib/sync/upload-photo";
import { AppError } from "@/lib/errors";

// The device's sync engine talking to the real server functions and database without
// HTTP in between; JSON round trips keep the payloads honest.
export function inProcessTransport(actor: TTechActor): TTransport & { online: boolean } {
  const transport = {
    online: true,
    async reachable() {
      return transport.online;
    },
    async sync(request: Parameters<TTransport["sync"]>[0]) {
      if (!transport.online) throw new TransportError("offline", "offline");
      return JSON.parse(JSON.stringify(await applySyncBatch(actor, JSON.parse(JSON.stringify(request)))));
    },
    async fetchTasks() {
      if (!transport.online) throw new TransportError("offline", "offline");
      return JSON.parse(JSON.stringify({ ...(await listTaskSnapshots(actor)), serverTime: new Date().toISOString() }));
    },
    async uploadPhoto(photo: Parameters<TTransport["uploadPhoto"]>[0]) {
      if (!transport.online) throw new TransportError("offline", "offline");
      try {
        await uploadPhoto(
          actor,
          {
            photoId: photo.photoId,
            taskId: photo.taskId,
            serviceTaskId: photo.serviceTaskId,
            defectId: photo.defectId,
          },
          new Uint8Array(await photo.blob.arrayBuffer()),
        );
        return { outcome: "stored" as const };
      } catch (error) {
        if (error instanceof AppError && error.code === "CONFLICT")
          return { outcome: "wait" as const, message: error.message };
        if (error instanceof AppError) return { outcome: "refused" as const, message: error.message };
        throw error;
      }
    },
    async fetchDocument() {
      if (!transport.online) throw new TransportError("offline", "offline");
      return new Blob(["document"]);
    },
  };
  return transport;
}
