-- CreateEnum
CREATE TYPE "TenantRequestState" AS ENUM ('UNMATCHED', 'OPEN', 'CANCELLED');

-- CreateEnum
CREATE TYPE "VisitStatus" AS ENUM ('PROPOSED', 'BOOKED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('DAY_BEFORE', 'MORNING');

-- CreateEnum
CREATE TYPE "ReminderChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "ReminderState" AS ENUM ('PENDING', 'SENT', 'CANCELLED', 'SKIPPED');

-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'TENANT_REQUEST';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "dayBeforeReminderHour" INTEGER NOT NULL DEFAULT 18,
ADD COLUMN     "emergencyPhone" TEXT,
ADD COLUMN     "tenantFormKey" TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "smsConsent" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "tenantFormKey" TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "tenantRequestId" TEXT;

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "attachments" JSONB;

-- CreateTable
CREATE TABLE "TenantRequest" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "siteId" TEXT,
    "workOrderId" TEXT,
    "contactId" TEXT NOT NULL,
    "state" "TenantRequestState" NOT NULL,
    "typedAddress" TEXT,
    "unit" TEXT,
    "categoryId" TEXT,
    "description" TEXT NOT NULL,
    "permissionToEnter" BOOLEAN NOT NULL,
    "accessNotes" TEXT,
    "emergency" BOOLEAN NOT NULL DEFAULT false,
    "emergencyAnswers" JSONB NOT NULL DEFAULT '[]',
    "timezone" TEXT NOT NULL,
    "availabilityChangedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AvailabilityWindow" (
    "id" TEXT NOT NULL,
    "tenantRequestId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "supersededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AvailabilityWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmergencyQuestion" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmergencyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "timezone" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "status" "VisitStatus" NOT NULL,
    "tenantConfirmed" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitReminder" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "visitSequence" INTEGER NOT NULL,
    "kind" "ReminderKind" NOT NULL,
    "channel" "ReminderChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientRole" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "state" "ReminderState" NOT NULL DEFAULT 'PENDING',
    "note" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitReminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TenantRequest_workOrderId_key" ON "TenantRequest"("workOrderId");

-- CreateIndex
CREATE INDEX "TenantRequest_organisationId_state_createdAt_idx" ON "TenantRequest"("organisationId", "state", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "TenantRequest_contactId_idx" ON "TenantRequest"("contactId");

-- CreateIndex
CREATE INDEX "AvailabilityWindow_tenantRequestId_supersededAt_idx" ON "AvailabilityWindow"("tenantRequestId", "supersededAt");

-- CreateIndex
CREATE INDEX "EmergencyQuestion_organisationId_categoryId_position_idx" ON "EmergencyQuestion"("organisationId", "categoryId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Visit_uid_key" ON "Visit"("uid");

-- CreateIndex
CREATE INDEX "Visit_assignmentId_status_idx" ON "Visit"("assignmentId", "status");

-- CreateIndex
CREATE INDEX "Visit_workOrderId_startsAt_idx" ON "Visit"("workOrderId", "startsAt");

-- CreateIndex
CREATE INDEX "VisitReminder_visitId_state_idx" ON "VisitReminder"("visitId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "VisitReminder_visitId_visitSequence_kind_channel_recipient_key" ON "VisitReminder"("visitId", "visitSequence", "kind", "channel", "recipient");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_tenantFormKey_key" ON "Organisation"("tenantFormKey");

-- CreateIndex
CREATE UNIQUE INDEX "Site_tenantFormKey_key" ON "Site"("tenantFormKey");

-- CreateIndex
CREATE INDEX "Attachment_tenantRequestId_idx" ON "Attachment"("tenantRequestId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_tenantRequestId_fkey" FOREIGN KEY ("tenantRequestId") REFERENCES "TenantRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantRequest" ADD CONSTRAINT "TenantRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantRequest" ADD CONSTRAINT "TenantRequest_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantRequest" ADD CONSTRAINT "TenantRequest_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantRequest" ADD CONSTRAINT "TenantRequest_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantRequest" ADD CONSTRAINT "TenantRequest_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AvailabilityWindow" ADD CONSTRAINT "AvailabilityWindow_tenantRequestId_fkey" FOREIGN KEY ("tenantRequestId") REFERENCES "TenantRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyQuestion" ADD CONSTRAINT "EmergencyQuestion_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmergencyQuestion" ADD CONSTRAINT "EmergencyQuestion_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitReminder" ADD CONSTRAINT "VisitReminder_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- CreateIndex
CREATE INDEX "SmsOutbox_createdAt_idx" ON "SmsOutbox"("createdAt");
