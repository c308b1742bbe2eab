-- The Desk's default order ("needs action first") reads each company's tasks by status,
-- then by visit (scheduled, else planned, else none: last) and task, straight from this
-- index, so its first page costs a page, not a sort of every task
-- (lib/assignments/list-desk-tasks.ts, actionPage: the expression is written the same way
-- there). The included columns let the runs be read from the index alone.
CREATE INDEX "Assignment_desk_action_idx" ON "Assignment" (
  "contractorCompanyId",
  status,
  (COALESCE("scheduledAt", "plannedAt", '9999-12-31 00:00:00'::timestamp(3))),
  id
) INCLUDE ("scheduledAt", "plannedAt", "organisationId");

-- Which clients a contractor works for (the Desk's client filter), per client from the
-- contractor's own network links, without reading its tasks.
CREATE INDEX "Assignment_contractorCompanyId_organisationId_idx" ON "Assignment"("contractorCompanyId", "organisationId");
