import type { PrismaClient } from "../generated/prisma/client";

// Seeds write offers and NTE requests in bulk, not through the product's actions: this sets
// what those actions keep on each work order (since when an offer or an increase waits),
// in two set-based statements, as the migration attention_state_on_work_orders did.
export async function setAttentionState(db: PrismaClient): Promise<void> {
  await db.$executeRaw`UPDATE "WorkOrder" w SET "offerWaitingSince" = o.since
    FROM (SELECT a."workOrderId", max(a."offeredAt") AS since FROM "Assignment" a WHERE a.status = 'OFFERED' GROUP BY a."workOrderId") o
    WHERE o."workOrderId" = w.id AND w."offerWaitingSince" IS DISTINCT FROM o.since`;
  await db.$executeRaw`UPDATE "WorkOrder" w SET "nteIncreasePendingSince" = n.since
    FROM (SELECT r."workOrderId", min(r."createdAt") AS since FROM "NteIncreaseRequest" r WHERE r.status = 'PENDING' GROUP BY r."workOrderId") n
    WHERE n."workOrderId" = w.id AND w."nteIncreasePendingSince" IS DISTINCT FROM n.since`;
}
