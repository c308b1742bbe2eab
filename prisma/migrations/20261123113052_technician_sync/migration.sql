-- AlterTable
ALTER TABLE "SyncMutation" ADD COLUMN     "assignmentId" TEXT,
ADD COLUMN     "seq" INTEGER,
ADD COLUMN     "type" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "deviceAt" TIMESTAMP(3) NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "accuracyM" DOUBLE PRECISION,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CheckIn_assignmentId_idx" ON "CheckIn"("assignmentId");

-- CreateIndex
CREATE INDEX "SyncMutation_deviceId_assignmentId_seq_idx" ON "SyncMutation"("deviceId", "assignmentId", "seq");

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

