-- The customer portal (issue 26): contacts on sites, the organisation's portal settings,
-- estimate lines kept version by version with the customer's decision, line comments,
-- signatures bound to what was shown, contractor line proposals, customer invoices with
-- their own number sequence, and portal links listed per work order.

-- CreateEnum
CREATE TYPE "ContactRole" AS ENUM ('CUSTOMER', 'OWNER', 'TENANT');

-- CreateEnum
CREATE TYPE "CommentAuthor" AS ENUM ('CUSTOMER', 'STAFF', 'CONTRACTOR');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "CustomerInvoiceStatus" AS ENUM ('ISSUED', 'CANCELLED');

-- DropIndex
DROP INDEX "EstimateLine_workOrderId_position_key";

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "customerInvoiceDueDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "customerMarkupPercent" DECIMAL(5,2) NOT NULL DEFAULT 0,
ADD COLUMN     "estimateTerms" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lastCustomerInvoiceNumber" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requireCustomerApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "WorkOrder" ADD COLUMN     "customerContactId" TEXT;

-- AlterTable
ALTER TABLE "TimeEntry" ADD COLUMN     "estimateLineId" TEXT;

-- AlterTable
ALTER TABLE "EstimateLine" ADD COLUMN     "decidedByTokenId" TEXT,
ADD COLUMN     "lineKey" TEXT,
ADD COLUMN     "supersededAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- Every existing line is the first version of itself.
UPDATE "EstimateLine" SET "lineKey" = "id";
ALTER TABLE "EstimateLine" ALTER COLUMN "lineKey" SET NOT NULL;

-- Existing portal links name their work order in a column, so its links list by index.
-- AlterTable
ALTER TABLE "AccessToken" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "firstOpenedAt" TIMESTAMP(3),
ADD COLUMN     "lastOpenedAt" TIMESTAMP(3),
ADD COLUMN     "message" TEXT,
ADD COLUMN     "recipientName" TEXT,
ADD COLUMN     "workOrderId" TEXT;

UPDATE "AccessToken" SET "workOrderId" = scope->>'workOrderId' WHERE purpose = 'PORTAL';
-- Who sent each existing link, as the timeline recorded it.
UPDATE "AccessToken" t SET "createdById" = e."actorId"
FROM "TimelineEvent" e
WHERE t.purpose = 'PORTAL' AND e.type = 'portal.link_sent' AND e.data->>'tokenId' = t.id
  AND EXISTS (SELECT 1 FROM "User" u WHERE u.id = e."actorId");

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "mobile" TEXT,
    "company" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteContact" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "role" "ContactRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EstimateLineComment" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "estimateLineId" TEXT NOT NULL,
    "author" "CommentAuthor" NOT NULL,
    "authorName" TEXT NOT NULL,
    "userId" TEXT,
    "tokenId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),
    "deletedById" TEXT,
    "deletedByName" TEXT,

    CONSTRAINT "EstimateLineComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EstimateSignature" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "tokenId" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "method" "SignatureMethod" NOT NULL,
    "imageSvg" TEXT,
    "content" JSONB NOT NULL,
    "contentHash" VARCHAR(64) NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EstimateSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EstimateLineProposal" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "contractorCompanyId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "hours" DECIMAL(12,3) NOT NULL DEFAULT 0,
    "parts" TEXT NOT NULL DEFAULT '',
    "price" DECIMAL(14,3) NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PROPOSED',
    "reason" TEXT,
    "proposedById" TEXT NOT NULL,
    "proposedByName" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "estimateLineId" TEXT,
    "replacesLineKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EstimateLineProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerInvoice" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "CustomerInvoiceStatus" NOT NULL DEFAULT 'ISSUED',
    "currency" VARCHAR(3) NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" DATE NOT NULL,
    "seller" JSONB NOT NULL,
    "buyer" JSONB NOT NULL,
    "net" DECIMAL(14,3) NOT NULL,
    "tax" DECIMAL(14,3) NOT NULL,
    "gross" DECIMAL(14,3) NOT NULL,
    "issuedById" TEXT NOT NULL,
    "replacesId" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "cancelledById" TEXT,
    "cancelReason" TEXT,

    CONSTRAINT "CustomerInvoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerInvoiceLine" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" DECIMAL(12,3) NOT NULL,
    "unitCode" VARCHAR(3) NOT NULL,
    "unitPrice" DECIMAL(14,3) NOT NULL,
    "taxPercent" DECIMAL(5,2) NOT NULL,
    "net" DECIMAL(14,3) NOT NULL,
    "tax" DECIMAL(14,3) NOT NULL,

    CONSTRAINT "CustomerInvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contact_organisationId_name_idx" ON "Contact"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_organisationId_email_key" ON "Contact"("organisationId", "email");

-- CreateIndex
CREATE INDEX "SiteContact_contactId_idx" ON "SiteContact"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "SiteContact_siteId_role_contactId_key" ON "SiteContact"("siteId", "role", "contactId");

-- CreateIndex
CREATE INDEX "EstimateLineComment_workOrderId_createdAt_idx" ON "EstimateLineComment"("workOrderId", "createdAt");

-- CreateIndex
CREATE INDEX "EstimateSignature_workOrderId_signedAt_idx" ON "EstimateSignature"("workOrderId", "signedAt");

-- CreateIndex
CREATE UNIQUE INDEX "EstimateLineProposal_estimateLineId_key" ON "EstimateLineProposal"("estimateLineId");

-- CreateIndex
CREATE INDEX "EstimateLineProposal_workOrderId_createdAt_idx" ON "EstimateLineProposal"("workOrderId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerInvoice_replacesId_key" ON "CustomerInvoice"("replacesId");

-- CreateIndex
CREATE INDEX "CustomerInvoice_workOrderId_idx" ON "CustomerInvoice"("workOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerInvoice_organisationId_number_key" ON "CustomerInvoice"("organisationId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerInvoiceLine_invoiceId_position_key" ON "CustomerInvoiceLine"("invoiceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "EstimateLine_workOrderId_position_version_key" ON "EstimateLine"("workOrderId", "position", "version");

-- CreateIndex
CREATE INDEX "AccessToken_workOrderId_createdAt_idx" ON "AccessToken"("workOrderId", "createdAt");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteContact" ADD CONSTRAINT "SiteContact_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteContact" ADD CONSTRAINT "SiteContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_customerContactId_fkey" FOREIGN KEY ("customerContactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_estimateLineId_fkey" FOREIGN KEY ("estimateLineId") REFERENCES "EstimateLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstimateLineComment" ADD CONSTRAINT "EstimateLineComment_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstimateLineComment" ADD CONSTRAINT "EstimateLineComment_estimateLineId_fkey" FOREIGN KEY ("estimateLineId") REFERENCES "EstimateLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstimateSignature" ADD CONSTRAINT "EstimateSignature_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstimateLineProposal" ADD CONSTRAINT "EstimateLineProposal_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstimateLineProposal" ADD CONSTRAINT "EstimateLineProposal_estimateLineId_fkey" FOREIGN KEY ("estimateLineId") REFERENCES "EstimateLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerInvoice" ADD CONSTRAINT "CustomerInvoice_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerInvoice" ADD CONSTRAINT "CustomerInvoice_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "CustomerInvoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerInvoiceLine" ADD CONSTRAINT "CustomerInvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "CustomerInvoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
