-- CreateTable
CREATE TABLE "AssignmentTechnicianRemoval" (
    "assignmentId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "removedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssignmentTechnicianRemoval_pkey" PRIMARY KEY ("assignmentId","personId")
);

-- CreateIndex
CREATE INDEX "AssignmentTechnicianRemoval_personId_idx" ON "AssignmentTechnicianRemoval"("personId");

-- AddForeignKey
ALTER TABLE "AssignmentTechnicianRemoval" ADD CONSTRAINT "AssignmentTechnicianRemoval_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentTechnicianRemoval" ADD CONSTRAINT "AssignmentTechnicianRemoval_personId_fkey" FOREIGN KEY ("personId") REFERENCES "ContractorPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

