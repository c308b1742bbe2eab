-- CreateEnum
CREATE TYPE "InvoiceLineKind" AS ENUM ('LABOUR', 'CALLOUT', 'COST', 'OTHER');

-- CreateEnum
CREATE TYPE "NteIncreaseStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterEnum
ALTER TYPE "InvoiceStatus" ADD VALUE 'REJECTED';

-- DropForeignKey
ALTER TABLE "Invoice" DROP CONSTRAINT "Invoice_assignmentId_fkey";

-- DropIndex
DROP INDEX "Invoice_contractorCompanyId_idx";

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "invoiceAutoApprove" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "invoiceOnSiteToleranceMinutes" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "invoicePriceTolerancePercent" DECIMAL(5,2) NOT NULL DEFAULT 0,
ADD COLUMN     "invoiceQuantityTolerancePercent" DECIMAL(5,2) NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ContractorCompany" ADD COLUMN     "lastInvoiceNumber" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "invoiceId" TEXT;

-- AlterTable
ALTER TABLE "Invoice" DROP COLUMN "totalCents",
ADD COLUMN     "autoApproved" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "currency" VARCHAR(3) NOT NULL,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "decidedById" TEXT,
ADD COLUMN     "decisionNote" TEXT,
ADD COLUMN     "differences" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "gross" DECIMAL(14,3) NOT NULL DEFAULT 0,
ADD COLUMN     "issueDate" DATE NOT NULL,
ADD COLUMN     "net" DECIMAL(14,3) NOT NULL DEFAULT 0,
ADD COLUMN     "noRateCard" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "origin" VARCHAR(9) NOT NULL,
ADD COLUMN     "paidAt" TIMESTAMP(3),
ADD COLUMN     "paidById" TEXT,
ADD COLUMN     "paymentReference" TEXT,
ADD COLUMN     "rateCardId" TEXT,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "submittedById" TEXT,
ADD COLUMN     "tax" DECIMAL(14,3) NOT NULL DEFAULT 0,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "workOrderId" TEXT NOT NULL,
ALTER COLUMN "assignmentId" SET NOT NULL,
ALTER COLUMN "number" SET DATA TYPE VARCHAR(40);

-- AlterTable
ALTER TABLE "InvoiceLine" DROP COLUMN "unitCents",
ADD COLUMN     "costEntryId" TEXT,
ADD COLUMN     "disputeReason" TEXT,
ADD COLUMN     "estimateLineId" TEXT,
ADD COLUMN     "kind" "InvoiceLineKind" NOT NULL DEFAULT 'OTHER',
ADD COLUMN     "labourType" "LabourType",
ADD COLUMN     "position" INTEGER NOT NULL,
ADD COLUMN     "taxPercent" DECIMAL(5,2) NOT NULL,
ADD COLUMN     "timeEntryIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "unitCode" VARCHAR(3) NOT NULL DEFAULT 'C62',
ADD COLUMN     "unitPrice" DECIMAL(14,3);

-- CreateTable
CREATE TABLE "InvoiceRevision" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "submittedById" TEXT,
    "lines" JSONB NOT NULL,
    "net" DECIMAL(14,3) NOT NULL,
    "tax" DECIMAL(14,3) NOT NULL,
    "gross" DECIMAL(14,3) NOT NULL,
    "differences" JSONB NOT NULL DEFAULT '[]',
    "disputes" JSONB NOT NULL DEFAULT '[]',
    "disputedAt" TIMESTAMP(3),
    "disputedById" TEXT,

    CONSTRAINT "InvoiceRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NteIncreaseRequest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "contractorCompanyId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "NteIncreaseStatus" NOT NULL DEFAULT 'PENDING',
    "currency" VARCHAR(3) NOT NULL,
    "currentNotToExceed" DECIMAL(14,3),
    "requestedNotToExceed" DECIMAL(14,3) NOT NULL,
    "lines" JSONB NOT NULL,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decisionNote" TEXT,

    CONSTRAINT "NteIncreaseRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceRevision_invoiceId_revision_key" ON "InvoiceRevision"("invoiceId", "revision");

-- CreateIndex
CREATE INDEX "NteIncreaseRequest_workOrderId_idx" ON "NteIncreaseRequest"("workOrderId");

-- CreateIndex
CREATE INDEX "NteIncreaseRequest_organisationId_status_idx" ON "NteIncreaseRequest"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Invoice_contractorCompanyId_status_idx" ON "Invoice"("contractorCompanyId", "status");

-- CreateIndex
CREATE INDEX "Invoice_assignmentId_idx" ON "Invoice"("assignmentId");

-- CreateIndex
CREATE INDEX "Invoice_workOrderId_idx" ON "Invoice"("workOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_contractorCompanyId_number_key" ON "Invoice"("contractorCompanyId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_invoiceId_position_key" ON "InvoiceLine"("invoiceId", "position");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceRevision" ADD CONSTRAINT "InvoiceRevision_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NteIncreaseRequest" ADD CONSTRAINT "NteIncreaseRequest_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

