-- DropIndex
DROP INDEX "CheckIn_assignmentId_idx";

-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "locatedAt" TIMESTAMP(3),
ADD COLUMN     "mutationId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_assignmentId_mutationId_key" ON "CheckIn"("assignmentId", "mutationId");


-- Check-ins made before locations could arrive later were located at the tap.
UPDATE "CheckIn" SET "locatedAt" = "deviceAt" WHERE "latitude" IS NOT NULL;
