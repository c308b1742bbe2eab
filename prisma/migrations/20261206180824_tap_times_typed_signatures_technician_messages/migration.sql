-- CreateEnum
CREATE TYPE "SignatureMethod" AS ENUM ('DRAWN', 'TYPED');

-- DropIndex
DROP INDEX "TimelineEvent_workOrderId_createdAt_idx";

-- AlterTable
ALTER TABLE "ContractorCompany" ADD COLUMN     "techniciansSeeMessages" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "Defect" ADD COLUMN     "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Signature" ADD COLUMN     "method" "SignatureMethod" NOT NULL DEFAULT 'DRAWN',
ALTER COLUMN "imageSvg" DROP NOT NULL;

-- AlterTable
ALTER TABLE "TimelineEvent" ADD COLUMN     "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "TimelineEvent_workOrderId_occurredAt_idx" ON "TimelineEvent"("workOrderId", "occurredAt");

-- CreateIndex
CREATE INDEX "TimelineEvent_assignmentId_occurredAt_idx" ON "TimelineEvent"("assignmentId", "occurredAt");


-- Until now an event's time was the moment it reached the server; work done offline
-- carried its tap time in data.deviceAt (never later than its arrival).
UPDATE "TimelineEvent" SET "occurredAt" = "createdAt";
UPDATE "TimelineEvent"
SET "occurredAt" = LEAST("createdAt", (("data"->>'deviceAt')::timestamptz AT TIME ZONE 'UTC'))
WHERE "data" ? 'deviceAt';
UPDATE "Defect" SET "syncedAt" = "createdAt";
