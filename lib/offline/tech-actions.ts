import type { TDefectSeverity, TLabourType, TLocation, TServiceTaskFields, TSignatureInput } from "@/lib/sync/contract";
import type { OfflineDatabase } from "./database";
import { assertValidChange } from "./check-mutation";
import { enqueueMutation as enqueueUnchecked, type TMutationBody } from "./enqueue";
import { storablePhoto } from "./photos-store";
import { requestPersistenceOnce } from "./storage-health";

type TPhoto = { photo: Blob; thumbnail: Blob };

// What the technician's buttons do: write to the device first (shown at once, kept if
// the app closes), then ask for a sync.
export function techActions(db: OfflineDatabase, afterSave: () => void) {
  const enqueueMutation = (database: OfflineDatabase, taskId: string, body: TMutationBody) => {
    assertValidChange(taskId, body);
    return enqueueUnchecked(database, taskId, body);
  };
  async function saved<T>(work: Promise<T>): Promise<T> {
    const result = await work;
    afterSave();
    void requestPersistenceOnce(db);
    return result;
  }
  return {
    // Saved at the tap, with the tap's time; the position, if the technician allows it,
    // follows as its own change whenever the browser finds it.
    checkIn: (taskId: string) => saved(enqueueMutation(db, taskId, { type: "check_in" })),
    locateCheckIn: (taskId: string, checkInId: string, location: TLocation) =>
      saved(enqueueMutation(db, taskId, { type: "locate_check_in", checkInId, location })),
    recordResult: (taskId: string, serviceTaskId: string, changes: TServiceTaskFields, base: TServiceTaskFields) =>
      saved(enqueueMutation(db, taskId, { type: "record_result", serviceTaskId, changes, base })),
    // The defect and its photos are saved together or not at all.
    reportDefect: async (
      taskId: string,
      defect: { severity: TDefectSeverity; description: string },
      photos: TPhoto[],
    ) => {
      const defectId = crypto.randomUUID();
      const stored = await Promise.all(photos.map((p) => storablePhoto({ taskId, defectId, ...p })));
      return saved(
        db.transaction("rw", db.outbox, db.meta, db.photos, async () => {
          await enqueueMutation(db, taskId, { type: "report_defect", defectId, ...defect });
          await db.photos.bulkAdd(stored);
          return defectId;
        }),
      );
    },
    addPhotos: async (taskId: string, serviceTaskId: string, photos: TPhoto[]) => {
      const stored = await Promise.all(photos.map((p) => storablePhoto({ taskId, serviceTaskId, ...p })));
      return saved(db.photos.bulkAdd(stored));
    },
    requestRevisit: (taskId: string, reason: string) =>
      saved(enqueueMutation(db, taskId, { type: "request_revisit", reason })),
    perform: (
      taskId: string,
      input: { notes: string; technicianSignature: TSignatureInput; clientSignature?: TSignatureInput },
    ) => saved(enqueueMutation(db, taskId, { type: "perform", ...input })),
    // The device names the entry, so it is the same one however often the sync sends it.
    recordTime: (
      taskId: string,
      time: { startedAt: string; minutes: number; labourType: TLabourType; note?: string },
    ) => saved(enqueueMutation(db, taskId, { type: "record_time", timeEntryId: crypto.randomUUID(), ...time })),
    dismiss: (mutationId: string) => saved(db.outbox.delete(mutationId)),
    // Something changed on the server from this phone (a visit booked online): fetch it.
    refresh: () => afterSave(),
  };
}

export type TTechActions = ReturnType<typeof techActions>;
