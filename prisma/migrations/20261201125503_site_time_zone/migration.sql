-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "timezone" TEXT;

