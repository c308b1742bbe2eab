-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN     "awaitingReplySince" TIMESTAMP(3);


-- The work orders whose last message is the contractor's wait for the client's answer
-- since that message.
UPDATE "WorkOrder" w SET "awaitingReplySince" = last."createdAt"
FROM (
  SELECT DISTINCT ON (m."workOrderId") m."workOrderId", m."createdAt", m."authorId"
  FROM "Message" m
  ORDER BY m."workOrderId", m."createdAt" DESC, m.id DESC
) last
WHERE last."workOrderId" = w.id
  AND NOT EXISTS (SELECT 1 FROM "Membership" mb WHERE mb."userId" = last."authorId" AND mb."organisationId" = w."organisationId");

-- Each "needs attention" count on the staff home reads only the rows it counts. Prisma's
-- schema cannot say WHERE, so these partial indexes live here alone.
CREATE INDEX "WorkOrder_awaiting_reply_idx" ON "WorkOrder" ("organisationId", "awaitingReplySince")
  WHERE "awaitingReplySince" IS NOT NULL AND "archivedAt" IS NULL;
CREATE INDEX "WorkOrder_open_sla_idx" ON "WorkOrder" ("organisationId", "slaDueAt")
  WHERE status NOT IN ('COMPLETED', 'CANCELLED') AND "archivedAt" IS NULL;
CREATE INDEX "Assignment_offered_idx" ON "Assignment" ("organisationId", "offeredAt")
  WHERE status = 'OFFERED';
