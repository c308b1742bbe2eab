-- CreateEnum
CREATE TYPE "EvidencePackStatus" AS ENUM ('PREPARING', 'READY', 'FAILED');

-- CreateTable
CREATE TABLE "EvidencePack" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "contractorCompanyId" TEXT,
    "assignmentId" TEXT,
    "requestedById" TEXT NOT NULL,
    "status" "EvidencePackStatus" NOT NULL DEFAULT 'PREPARING',
    "storageKey" TEXT,
    "sha256" VARCHAR(64),
    "sizeBytes" INTEGER,
    "pages" INTEGER,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "EvidencePack_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidencePack_storageKey_key" ON "EvidencePack"("storageKey");

-- CreateIndex
CREATE INDEX "EvidencePack_workOrderId_createdAt_idx" ON "EvidencePack"("workOrderId", "createdAt");

-- CreateIndex
CREATE INDEX "EvidencePack_sha256_idx" ON "EvidencePack"("sha256");

-- AddForeignKey
ALTER TABLE "EvidencePack" ADD CONSTRAINT "EvidencePack_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

