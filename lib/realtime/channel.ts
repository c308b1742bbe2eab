import "server-only";
import type { TTx } from "@/lib/db";

// Changes are announced with pg_notify inside the transaction that makes them, so every
// app instance hears about them exactly when they commit (and never if they roll back).
export const CHANGES_CHANNEL = "fieldgate_changes";

export type TChange = { organisationId: string; workOrderId: string; assignmentId?: string; type: string };

export async function announceChange(tx: TTx, change: TChange): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(change)})`;
}
