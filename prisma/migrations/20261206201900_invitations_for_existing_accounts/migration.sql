-- AlterTable
ALTER TABLE "ContractorPerson" ADD COLUMN     "acceptedAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "invitedName" TEXT;


-- Everyone already in a company is there by their own account's use of it.
UPDATE "ContractorPerson" SET "acceptedAt" = "createdAt";
