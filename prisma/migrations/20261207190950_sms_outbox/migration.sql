-- Texts (issue 27): an outbox like the email one, opted-out numbers, and consent on contacts.

-- CreateEnum
CREATE TYPE "SmsState" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "smsConsent" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SmsOutbox" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" "SmsState" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "providerId" TEXT,
    "error" TEXT,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "SmsOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsOptOut" (
    "phone" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "optedOutAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SmsOptOut_pkey" PRIMARY KEY ("phone")
);

-- CreateIndex
CREATE UNIQUE INDEX "SmsOutbox_dedupeKey_key" ON "SmsOutbox"("dedupeKey");

-- CreateIndex
CREATE INDEX "SmsOutbox_state_createdAt_idx" ON "SmsOutbox"("state", "createdAt");

-- CreateIndex
CREATE INDEX "SmsOutbox_organisationId_createdAt_idx" ON "SmsOutbox"("organisationId", "createdAt");

