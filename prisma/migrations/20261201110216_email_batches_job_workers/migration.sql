-- CreateEnum
CREATE TYPE "EmailBatchState" AS ENUM ('SENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "batchId" TEXT;

-- CreateTable
CREATE TABLE "EmailBatch" (
    "id" TEXT NOT NULL,
    "emailIds" TEXT[],
    "state" "EmailBatchState" NOT NULL DEFAULT 'SENDING',
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EmailBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobWorker" (
    "workerId" TEXT NOT NULL,
    "beatAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobWorker_pkey" PRIMARY KEY ("workerId")
);

-- CreateIndex
CREATE INDEX "EmailBatch_state_leaseUntil_idx" ON "EmailBatch"("state", "leaseUntil");

-- CreateIndex
CREATE INDEX "JobWorker_beatAt_idx" ON "JobWorker"("beatAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_batchId_idx" ON "EmailOutbox"("batchId");


-- Emails the old runner had claimed go back to waiting and are sent in a batch. (One that an
-- old instance had sent just before it died could arrive twice: the batch's key is new.)
UPDATE "EmailOutbox" SET "state" = 'PENDING' WHERE "state" = 'SENDING';
