import Dexie, { type DexieOptions, type Table } from "dexie";
import type { TMutation, TMutationResult, TTaskSnapshot } from "@/lib/sync/contract";

// The technician's device keeps, per signed-in person:
// - tasks: the server's latest snapshot of each task (with applied changes folded in);
// - outbox: every change not yet accepted by the server, in the order it was made;
// - photos: resized photos (their bytes) until uploaded, and their thumbnails;
// - documents: the client's documents for reading offline;
// - meta: the device id, per-task sequence counters, last sync time.
export type TStoredTask = TTaskSnapshot & { receivedAt: string; withdrawn?: boolean };

export type TOutboxState = "pending" | "conflict" | "rejected";
export type TOutboxEntry = {
  mutationId: string;
  order: number;
  taskId: string;
  mutation: TMutation;
  state: TOutboxState;
  result?: TMutationResult;
  attempts: number;
  lastError?: string;
  createdAt: string;
};

// Bytes with their type, never a Blob: WebKit refuses to store Blobs in IndexedDB in
// ephemeral sessions (Safari's private browsing, WebDriver's) with "Error preparing
// Blob/File data", while every engine keeps an ArrayBuffer. A Blob is still read from a
// row that version 1 wrote.
export type TStoredBytes = { bytes: ArrayBuffer; type: string };
export type TKeptBytes = TStoredBytes | Blob;

export type TStoredPhoto = {
  photoId: string;
  taskId: string;
  serviceTaskId?: string;
  defectId?: string;
  // The photo itself, dropped once the server has it.
  content?: TKeptBytes;
  thumbnail: TKeptBytes;
  state: "pending" | "uploaded" | "failed";
  attempts: number;
  lastError?: string;
  createdAt: string;
};

export type TStoredDocument = { id: string; filename: string; contentType: string; content: TKeptBytes };
export type TMeta = { key: string; value: unknown };

export class OfflineDatabase extends Dexie {
  tasks!: Table<TStoredTask, string>;
  outbox!: Table<TOutboxEntry, string>;
  photos!: Table<TStoredPhoto, string>;
  documents!: Table<TStoredDocument, string>;
  meta!: Table<TMeta, string>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      tasks: "id",
      outbox: "mutationId, order, taskId, state",
      photos: "photoId, taskId, state, createdAt",
      documents: "id",
      meta: "key",
    });
    // Version 1 kept Blobs under `blob`: each row keeps them (a photo waiting to be sent is
    // never lost), under the field name the app now reads.
    this.version(2).upgrade(async (tx) => {
      await tx
        .table("photos")
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (row.blob !== undefined) row.content = row.blob;
          delete row.blob;
        });
      await tx
        .table("documents")
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (row.blob !== undefined) row.content = row.blob;
          delete row.blob;
        });
    });
  }
}

// One database per person, so two people sharing a phone never see each other's work.
export function openOfflineDatabase(userId: string, options?: DexieOptions): OfflineDatabase {
  return new OfflineDatabase(`fieldgate-tech-${userId}`, options);
}

export async function getMeta<T>(db: OfflineDatabase, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: OfflineDatabase, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deviceIdOf(db: OfflineDatabase): Promise<string> {
  return db.transaction("rw", db.meta, async () => {
    const existing = await getMeta<string>(db, "deviceId");
    if (existing) return existing;
    const id = crypto.randomUUID();
    await setMeta(db, "deviceId", id);
    return id;
  });
}

export async function toStoredBytes(blob: Blob): Promise<TStoredBytes> {
  return { bytes: await blob.arrayBuffer(), type: blob.type };
}

export function toBlob(kept: TKeptBytes): Blob {
  return kept instanceof Blob ? kept : new Blob([kept.bytes], { type: kept.type });
}
