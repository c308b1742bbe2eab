import type { TMutation } from "@/lib/sync/contract";
import { getMeta, setMeta, type OfflineDatabase, type TOutboxEntry } from "./database";

export type TMutationBody = TMutation extends infer M
  ? M extends TMutation
    ? Omit<M, "mutationId" | "taskId" | "seq" | "deviceAt">
    : never
  : never;

// Every action the technician takes is written here first, so it shows at once and
// survives the app being closed. The per-task sequence number is kept in meta (not
// derived from the outbox, which empties as the server accepts changes). deviceAt is the
// phone's clock, whatever it says; the server refuses a time it cannot use.
export async function enqueueMutation(
  db: OfflineDatabase,
  taskId: string,
  body: TMutationBody,
  deviceAt = new Date().toISOString(),
): Promise<TOutboxEntry> {
  return db.transaction("rw", db.outbox, db.meta, async () => {
    const seq = ((await getMeta<number>(db, `seq:${taskId}`)) ?? 0) + 1;
    const order = ((await getMeta<number>(db, "order")) ?? 0) + 1;
    await setMeta(db, `seq:${taskId}`, seq);
    await setMeta(db, "order", order);
    const mutation = { ...body, mutationId: crypto.randomUUID(), taskId, seq, deviceAt } as TMutation;
    const entry: TOutboxEntry = {
      mutationId: mutation.mutationId,
      order,
      taskId,
      mutation,
      state: "pending",
      attempts: 0,
      createdAt: mutation.deviceAt,
    };
    await db.outbox.add(entry);
    return entry;
  });
}
