import "server-only";
import type { TTx } from "@/lib/db";

// The work order says since when a not-to-exceed increase has waited for the client's
// decision (the staff home counts it from an index): set again from its requests, in the
// transaction that asks or decides.
export async function keepNtePendingSince(tx: TTx, workOrderId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "WorkOrder" SET "nteIncreasePendingSince" = (
      SELECT min(n."createdAt") FROM "NteIncreaseRequest" n WHERE n."workOrderId" = ${workOrderId} AND n.status = 'PENDING')
    WHERE id = ${workOrderId}`;
}
