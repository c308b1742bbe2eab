import { getMeta, type OfflineDatabase, type TOutboxEntry, type TStoredTask } from "@/lib/offline/database";
import { projectTask } from "@/lib/offline/project-task";
import { useLiveQuery } from "./use-live-query";

export type TTechData = {
  loaded: boolean;
  tasks: TStoredTask[];
  pending: number;
  pendingPhotos: number;
  attention: TOutboxEntry[];
  failedPhotos: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  openTasksLeftOut: number;
};

const EMPTY: TTechData = {
  loaded: false,
  tasks: [],
  pending: 0,
  pendingPhotos: 0,
  attention: [],
  failedPhotos: 0,
  lastSyncedAt: null,
  lastError: null,
  openTasksLeftOut: 0,
};

// Everything the screens show, read from the device and kept live: each task is the
// server's copy with the technician's unsent changes laid on top.
export function useTechData(db: OfflineDatabase): TTechData {
  return useLiveQuery(
    async () => {
      const [stored, outbox, photos, lastSyncedAt, lastError, openTasksLeftOut] = await Promise.all([
        db.tasks.toArray(),
        db.outbox.orderBy("order").toArray(),
        db.photos.toArray(),
        getMeta<string>(db, "lastSyncedAt"),
        getMeta<string | null>(db, "lastError"),
        getMeta<number>(db, "openTasksLeftOut"),
      ]);
      const pending = outbox.filter((e) => e.state === "pending");
      const tasks = stored.map((task) =>
        projectTask(
          task,
          pending.filter((e) => e.taskId === task.id).map((e) => e.mutation),
        ),
      );
      return {
        loaded: true,
        tasks,
        pending: pending.length,
        pendingPhotos: photos.filter((p) => p.state === "pending").length,
        attention: outbox.filter((e) => e.state !== "pending"),
        failedPhotos: photos.filter((p) => p.state === "failed").length,
        lastSyncedAt: lastSyncedAt ?? null,
        lastError: lastError ?? null,
        openTasksLeftOut: openTasksLeftOut ?? 0,
      };
    },
    [db],
    EMPTY,
  );
}
