-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "linksKeptUntil" TIMESTAMP(3),
ADD COLUMN     "sealedLinks" TEXT;

-- CreateIndex
CREATE INDEX "EmailOutbox_organisationId_createdAt_idx" ON "EmailOutbox"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_linksKeptUntil_idx" ON "EmailOutbox"("linksKeptUntil");


-- Emails already sent kept their link secrets in their bodies: erase them. (Emails still
-- waiting keep theirs until delivery, which erases them; see lib/email/deliver-outbox.ts.)
UPDATE "EmailOutbox"
SET "html" = regexp_replace("html", '/(link|l)/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])', '/\1/erased', 'g'),
    "text" = regexp_replace("text", '/(link|l)/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])', '/\1/erased', 'g')
WHERE "state" IN ('SENT', 'FAILED');
