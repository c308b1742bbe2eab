-- Estimate lines as staff enter and approve them (the table had no writer until now, so
-- it holds no rows to fill the new columns of).
-- AlterTable
ALTER TABLE "EstimateLine" DROP COLUMN "unitCents",
ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "approvedById" TEXT,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "position" INTEGER NOT NULL,
ADD COLUMN     "taxPercent" DECIMAL(5,2) NOT NULL,
ADD COLUMN     "unitCode" VARCHAR(3) NOT NULL DEFAULT 'C62',
ADD COLUMN     "unitPrice" DECIMAL(14,3) NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "EstimateLine_workOrderId_position_key" ON "EstimateLine"("workOrderId", "position");

