-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "address" TEXT,
ADD COLUMN     "businessHours" JSONB NOT NULL DEFAULT '[{"day":1,"opens":"08:00","closes":"18:00"},{"day":2,"opens":"08:00","closes":"18:00"},{"day":3,"opens":"08:00","closes":"18:00"},{"day":4,"opens":"08:00","closes":"18:00"},{"day":5,"opens":"08:00","closes":"18:00"}]',
ADD COLUMN     "legalName" TEXT,
ADD COLUMN     "taxNumber" TEXT;

-- CreateTable
CREATE TABLE "OrganisationHoliday" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "OrganisationHoliday_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationHoliday_organisationId_day_key" ON "OrganisationHoliday"("organisationId", "day");

-- AddForeignKey
ALTER TABLE "OrganisationHoliday" ADD CONSTRAINT "OrganisationHoliday_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

