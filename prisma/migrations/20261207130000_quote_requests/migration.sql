-- Quote requests (issue 25), reshaped whole: the sketch's tables held nothing and are
-- replaced. Amounts are exact decimals (lib/money), not integer cents; a bidder's answer
-- is kept revision by revision; a request keeps its versions; an invitation may be an
-- outside supplier known only by email.
DROP TABLE "QuoteLine";
DROP TABLE "QuoteInvitation";
DROP TABLE "QuoteRequest";
DROP TYPE "QuoteInvitationStatus";
DROP TYPE "QuoteRequestStatus";

-- CreateEnum
CREATE TYPE "QuoteRequestStatus" AS ENUM ('DRAFT', 'OPEN', 'AWARDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "QuoteInvitationStatus" AS ENUM ('INVITED', 'DECLINED', 'AWARDED', 'LOST');

-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'QUOTE';

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "quoteRequestId" TEXT;

-- CreateTable
CREATE TABLE "QuoteRequest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "status" "QuoteRequestStatus" NOT NULL DEFAULT 'DRAFT',
    "scope" TEXT NOT NULL,
    "requirements" TEXT NOT NULL DEFAULT '',
    "deadline" TIMESTAMP(3) NOT NULL,
    "siteVisitFrom" TIMESTAMP(3),
    "siteVisitTo" TIMESTAMP(3),
    "budget" DECIMAL(14,3),
    "sealed" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "openedEarlyAt" TIMESTAMP(3),
    "openedEarlyById" TEXT,
    "openedEarlyReason" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "awardedAt" TIMESTAMP(3),
    "awardedById" TEXT,

    CONSTRAINT "QuoteRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteRequestChange" (
    "id" TEXT NOT NULL,
    "quoteRequestId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changes" JSONB NOT NULL,
    "changedById" TEXT,
    "changedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuoteRequestChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteInvitation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "quoteRequestId" TEXT NOT NULL,
    "contractorCompanyId" TEXT,
    "supplierName" TEXT,
    "supplierCompany" TEXT,
    "email" TEXT NOT NULL,
    "status" "QuoteInvitationStatus" NOT NULL DEFAULT 'INVITED',
    "declineReason" TEXT,
    "declinedAt" TIMESTAMP(3),
    "firstOpenedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "complianceOverride" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuoteInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteRevision" (
    "id" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "requestVersion" INTEGER NOT NULL,
    "proposedDate" TIMESTAMP(3),
    "validUntil" TIMESTAMP(3),
    "comments" TEXT NOT NULL DEFAULT '',
    "documentId" TEXT,
    "currency" VARCHAR(3) NOT NULL,
    "net" DECIMAL(14,3) NOT NULL,
    "tax" DECIMAL(14,3) NOT NULL,
    "gross" DECIMAL(14,3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "submittedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuoteRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteLine" (
    "id" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" DECIMAL(12,3) NOT NULL,
    "unitCode" VARCHAR(3) NOT NULL DEFAULT 'C62',
    "unitPrice" DECIMAL(14,3) NOT NULL,
    "taxPercent" DECIMAL(5,2) NOT NULL,

    CONSTRAINT "QuoteLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteQuestion" (
    "id" TEXT NOT NULL,
    "quoteRequestId" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,
    "toAll" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "QuoteQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteReminder" (
    "id" TEXT NOT NULL,
    "invitationId" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuoteReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuoteRequest_organisationId_status_deadline_idx" ON "QuoteRequest"("organisationId", "status", "deadline");

-- CreateIndex
CREATE INDEX "QuoteRequest_workOrderId_idx" ON "QuoteRequest"("workOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteRequestChange_quoteRequestId_version_key" ON "QuoteRequestChange"("quoteRequestId", "version");

-- CreateIndex
CREATE INDEX "QuoteInvitation_contractorCompanyId_status_idx" ON "QuoteInvitation"("contractorCompanyId", "status");

-- CreateIndex
CREATE INDEX "QuoteInvitation_organisationId_idx" ON "QuoteInvitation"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteInvitation_quoteRequestId_contractorCompanyId_key" ON "QuoteInvitation"("quoteRequestId", "contractorCompanyId");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteRevision_documentId_key" ON "QuoteRevision"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteRevision_invitationId_number_key" ON "QuoteRevision"("invitationId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteLine_revisionId_position_key" ON "QuoteLine"("revisionId", "position");

-- CreateIndex
CREATE INDEX "QuoteQuestion_quoteRequestId_idx" ON "QuoteQuestion"("quoteRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteReminder_invitationId_deadline_key" ON "QuoteReminder"("invitationId", "deadline");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_quoteRequestId_fkey" FOREIGN KEY ("quoteRequestId") REFERENCES "QuoteRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteRequest" ADD CONSTRAINT "QuoteRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteRequest" ADD CONSTRAINT "QuoteRequest_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteRequestChange" ADD CONSTRAINT "QuoteRequestChange_quoteRequestId_fkey" FOREIGN KEY ("quoteRequestId") REFERENCES "QuoteRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteInvitation" ADD CONSTRAINT "QuoteInvitation_quoteRequestId_fkey" FOREIGN KEY ("quoteRequestId") REFERENCES "QuoteRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteInvitation" ADD CONSTRAINT "QuoteInvitation_contractorCompanyId_fkey" FOREIGN KEY ("contractorCompanyId") REFERENCES "ContractorCompany"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteRevision" ADD CONSTRAINT "QuoteRevision_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "QuoteInvitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteRevision" ADD CONSTRAINT "QuoteRevision_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Attachment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteLine" ADD CONSTRAINT "QuoteLine_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "QuoteRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteQuestion" ADD CONSTRAINT "QuoteQuestion_quoteRequestId_fkey" FOREIGN KEY ("quoteRequestId") REFERENCES "QuoteRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteQuestion" ADD CONSTRAINT "QuoteQuestion_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "QuoteInvitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteReminder" ADD CONSTRAINT "QuoteReminder_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "QuoteInvitation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One invitation per outside supplier's address on a request, whatever its case.
CREATE UNIQUE INDEX "QuoteInvitation_supplier_email_key" ON "QuoteInvitation"("quoteRequestId", lower("email"))
    WHERE "contractorCompanyId" IS NULL;
-- At most one draft per invitation.
CREATE UNIQUE INDEX "QuoteRevision_one_draft_key" ON "QuoteRevision"("invitationId") WHERE "submittedAt" IS NULL;
