-- Time and cost entries as contractors record them (the tables had no writer until now,
-- so they hold no rows to fill the new columns of).
-- CreateEnum
CREATE TYPE "LabourType" AS ENUM ('NORMAL', 'OVERTIME', 'CALLOUT', 'TRAVEL');

-- CreateEnum
CREATE TYPE "CostCategory" AS ENUM ('MATERIAL', 'PART', 'TRAVEL', 'SUBCONTRACT');

-- AlterEnum
ALTER TYPE "AttachmentKind" ADD VALUE 'RECEIPT';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "costEntryId" TEXT;

-- AlterTable
ALTER TABLE "TimeEntry" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "labourType" "LabourType" NOT NULL DEFAULT 'NORMAL',
ADD COLUMN     "source" VARCHAR(8) NOT NULL DEFAULT 'desk',
ADD COLUMN     "workDate" DATE NOT NULL,
ALTER COLUMN "startedAt" DROP NOT NULL;

-- AlterTable
ALTER TABLE "CostEntry" DROP COLUMN "unitCents",
ADD COLUMN     "category" "CostCategory" NOT NULL DEFAULT 'MATERIAL',
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "unitCode" VARCHAR(3) NOT NULL DEFAULT 'C62',
ADD COLUMN     "unitCost" DECIMAL(14,3) NOT NULL;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_costEntryId_fkey" FOREIGN KEY ("costEntryId") REFERENCES "CostEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

