-- AlterTable
ALTER TABLE "Accreditation" ADD COLUMN     "renewedById" TEXT;

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "contractorCompanyId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Accreditation_documentId_key" ON "Accreditation"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "Accreditation_renewedById_key" ON "Accreditation"("renewedById");

-- CreateIndex
CREATE INDEX "Attachment_contractorCompanyId_idx" ON "Attachment"("contractorCompanyId");

-- AddForeignKey
ALTER TABLE "Accreditation" ADD CONSTRAINT "Accreditation_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Attachment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Accreditation" ADD CONSTRAINT "Accreditation_renewedById_fkey" FOREIGN KEY ("renewedById") REFERENCES "Accreditation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_contractorCompanyId_fkey" FOREIGN KEY ("contractorCompanyId") REFERENCES "ContractorCompany"("id") ON DELETE CASCADE ON UPDATE CASCADE;

