-- DropIndex
DROP INDEX "WorkOrder_organisationId_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "WorkOrder_organisationId_createdAt_number_idx" ON "WorkOrder"("organisationId", "createdAt" DESC, "number" DESC);

-- CreateIndex
CREATE INDEX "WorkOrder_organisationId_dueAt_idx" ON "WorkOrder"("organisationId", "dueAt");

-- CreateIndex
CREATE INDEX "Assignment_workOrderId_status_idx" ON "Assignment"("workOrderId", "status");

