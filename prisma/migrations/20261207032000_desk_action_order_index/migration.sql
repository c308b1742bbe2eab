-- The Desk's default order ("needs action first") reads each company's tasks by action
-- group, then by visit (scheduled, else planned, else none: last) and task, straight from
-- this index, so its first page costs a page, not a sort of every task. Both expressions
-- are written the same way in lib/assignments/list-desk-tasks.ts (ACTION_GROUP, VISIT_KEY),
-- which is what lets a query use the index. The included columns let the page be read
-- from the index alone.
CREATE INDEX "Assignment_desk_action_idx" ON "Assignment" (
  "contractorCompanyId",
  (CASE status WHEN 'OFFERED' THEN 0 WHEN 'IN_PROGRESS' THEN 1 WHEN 'ACCEPTED' THEN 2 WHEN 'SCHEDULED' THEN 2 WHEN 'REVISIT' THEN 2 WHEN 'PERFORMED' THEN 4 WHEN 'COMPLETED' THEN 5 ELSE 6 END),
  (COALESCE("scheduledAt", "plannedAt", '9999-12-31 00:00:00'::timestamp(3))),
  id
) INCLUDE (status, "scheduledAt", "plannedAt", "organisationId");

-- Which clients a contractor works for (the Desk's client filter), per client from the
-- contractor's own network links, without reading its tasks.
CREATE INDEX "Assignment_contractorCompanyId_organisationId_idx" ON "Assignment"("contractorCompanyId", "organisationId");

-- The staff home counts work orders by status (its tabs, its pager, "completed, awaiting
-- your review") among those not archived: read from this index alone, a count of up to a
-- thousand costs a thousand index entries, not a thousand table rows.
CREATE INDEX "WorkOrder_live_status_idx" ON "WorkOrder" ("organisationId", status) WHERE "archivedAt" IS NULL;

-- "Offers unanswered" and "not-to-exceed increases to decide" are counted from the small
-- side (the offers, the requests), each row naming its work order from the index alone,
-- and each work order checked as not archived from an index of the live ones: no table
-- rows are read for either.
DROP INDEX "Assignment_offered_idx";
CREATE INDEX "Assignment_offered_idx" ON "Assignment" ("organisationId", "offeredAt") INCLUDE ("workOrderId")
  WHERE status = 'OFFERED';
CREATE INDEX "NteIncreaseRequest_pending_idx" ON "NteIncreaseRequest" ("organisationId") INCLUDE ("workOrderId")
  WHERE status = 'PENDING';
CREATE INDEX "WorkOrder_live_id_idx" ON "WorkOrder" (id) INCLUDE ("organisationId") WHERE "archivedAt" IS NULL;
