-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN "offerWaitingSince" TIMESTAMP(3),
ADD COLUMN "nteIncreasePendingSince" TIMESTAMP(3);

-- Work orders whose live task is an offer waiting for an answer, and those with a
-- not-to-exceed increase waiting for a decision, say since when.
UPDATE "WorkOrder" w SET "offerWaitingSince" = o.since
FROM (SELECT a."workOrderId", max(a."offeredAt") AS since FROM "Assignment" a WHERE a.status = 'OFFERED' GROUP BY a."workOrderId") o
WHERE o."workOrderId" = w.id;
UPDATE "WorkOrder" w SET "nteIncreasePendingSince" = n.since
FROM (SELECT r."workOrderId", min(r."createdAt") AS since FROM "NteIncreaseRequest" r WHERE r.status = 'PENDING' GROUP BY r."workOrderId") n
WHERE n."workOrderId" = w.id;

-- The staff home counts both from these, reading only the rows it counts.
CREATE INDEX "WorkOrder_offer_waiting_idx" ON "WorkOrder" ("organisationId", "offerWaitingSince")
  WHERE "offerWaitingSince" IS NOT NULL AND "archivedAt" IS NULL;
CREATE INDEX "WorkOrder_nte_pending_idx" ON "WorkOrder" ("organisationId", "nteIncreasePendingSince")
  WHERE "nteIncreasePendingSince" IS NOT NULL AND "archivedAt" IS NULL;
