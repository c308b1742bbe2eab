-- Rate cards as negotiated versions (the table had no writer until now, so it holds no rows
-- to fill the new columns of).
-- CreateEnum
CREATE TYPE "RateCardStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'REJECTED', 'COUNTERED');

-- AlterTable
ALTER TABLE "RateCard" DROP COLUMN "calloutCents",
DROP COLUMN "hourlyCents",
DROP COLUMN "name",
ADD COLUMN     "answersId" TEXT,
ADD COLUMN     "calloutFee" DECIMAL(14,3) NOT NULL DEFAULT 0,
ADD COLUMN     "calloutRate" DECIMAL(14,3) NOT NULL,
ADD COLUMN     "categoryId" TEXT,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "currency" VARCHAR(3) NOT NULL,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "materialMarkupPercent" DECIMAL(5,2) NOT NULL DEFAULT 0,
ADD COLUMN     "normalRate" DECIMAL(14,3) NOT NULL,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "overtimeRate" DECIMAL(14,3) NOT NULL,
ADD COLUMN     "proposedBy" VARCHAR(10) NOT NULL,
ADD COLUMN     "proposedById" TEXT NOT NULL,
ADD COLUMN     "status" "RateCardStatus" NOT NULL DEFAULT 'PROPOSED',
ADD COLUMN     "travelRate" DECIMAL(14,3) NOT NULL,
ADD COLUMN     "validTo" DATE,
ADD COLUMN     "version" INTEGER NOT NULL,
ALTER COLUMN "validFrom" DROP DEFAULT,
ALTER COLUMN "validFrom" SET DATA TYPE DATE;

-- CreateIndex
CREATE UNIQUE INDEX "RateCard_organisationId_contractorCompanyId_version_key" ON "RateCard"("organisationId", "contractorCompanyId", "version");

