import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { offerTask } from "@/lib/assignments/assign-contractor";
import { LIVE_STATUSES } from "@/lib/assignments/status-machine";
import { workOrderScope } from "@/lib/authz/scopes";
import { checkCompliance } from "@/lib/compliance/check-compliance";
import { describeComplianceProblems } from "@/lib/compliance/describe-compliance";
import { db, type TTx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { ARCHIVABLE_STATUSES, archiveInTransaction } from "./archive-work-order";
import type { TBulkEditWorkOrdersInput } from "./schemas";
import { applyWorkOrderChanges, editableFieldsOf } from "./update-work-order";

// Assigns a contractor and/or sets a priority on many work orders, or archives them, in
// one transaction through the same steps as one work order's page. The rows are locked
// first, so the same edit sent twice (a double click, two tabs) finds nothing left to do
// the second time. All or nothing: one work order that cannot take the change refuses
// the whole edit, naming it.
export async function bulkEditWorkOrders(actor: TStaffActor, input: TBulkEditWorkOrdersInput) {
  return db.$transaction(
    async (tx) => {
      const ids = [...new Set(input.workOrderIds)].sort();
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "WorkOrder" WHERE id = ANY(${ids}) AND "organisationId" = ${actor.organisationId}
        ORDER BY id FOR UPDATE`;
      if (locked.length !== ids.length) throw notFound("Work order");
      const workOrders = await tx.workOrder.findMany({
        where: { ...workOrderScope(actor), id: { in: ids } },
        include: { site: { select: { name: true } }, assignments: { where: { status: { in: LIVE_STATUSES } } } },
        orderBy: { number: "asc" },
      });
      if (workOrders.length !== ids.length) throw notFound("Work order");
      const numbers = (list: typeof workOrders) => list.map((w) => `#${w.number}`).join(", ");

      if (input.intent === "archive") {
        const open = workOrders.filter((w) => !w.archivedAt);
        const refused = open.filter((w) => !ARCHIVABLE_STATUSES.includes(w.status));
        if (refused.length)
          throw new AppError(
            "INVALID_TRANSITION",
            `Only finished, cancelled or unassigned work orders can be archived: ${numbers(refused)} ${refused.length === 1 ? "is" : "are"} still in progress.`,
          );
        for (const workOrder of open) await archiveInTransaction(tx, actor, workOrder.id);
        return { workOrders: workOrders.length, archived: open.length, assigned: 0, reprioritised: 0 };
      }

      const closed = workOrders.filter((w) => w.archivedAt || w.status === "CANCELLED");
      if (closed.length) throw new AppError("CONFLICT", `Closed work orders cannot be changed: ${numbers(closed)}.`);
      let assigned = 0;
      if (input.contractorCompanyId) {
        const elsewhere = workOrders.filter(
          (w) => w.assignments.length && w.assignments[0].contractorCompanyId !== input.contractorCompanyId,
        );
        if (elsewhere.length)
          throw new AppError(
            "CONFLICT",
            `Already with a contractor: ${numbers(elsewhere)}. Reassign those from their own page.`,
          );
        const unassigned = workOrders.filter((w) => w.assignments.length === 0);
        await refuseWhereGateStops(tx, unassigned, input.contractorCompanyId, numbers);
        for (const workOrder of unassigned) {
          await offerTask(tx, actor, workOrder, input.contractorCompanyId);
          assigned++;
        }
      }
      let reprioritised = 0;
      if (input.priority) {
        for (const workOrder of workOrders.filter((w) => w.priority !== input.priority)) {
          await applyWorkOrderChanges(tx, actor, workOrder, {
            ...editableFieldsOf(workOrder),
            priority: input.priority!,
          });
          reprioritised++;
        }
      }
      return { workOrders: workOrders.length, archived: 0, assigned, reprioritised };
    },
    { timeout: 30_000 },
  );
}

// A bulk edit has no room for a manager's reasons: work orders whose trade requires a
// document the contractor lacks are named, to be assigned one by one where an override
// can be given.
async function refuseWhereGateStops<W extends { number: number; categoryId: string | null }>(
  tx: TTx,
  workOrders: W[],
  contractorCompanyId: string,
  numbers: (list: W[]) => string,
) {
  const stopped: { workOrders: W[]; problems: string }[] = [];
  for (const categoryId of new Set(workOrders.map((w) => w.categoryId))) {
    const decision = (await checkCompliance(tx, categoryId, [contractorCompanyId], new Date())).get(
      contractorCompanyId,
    )!;
    if (!decision.allowed)
      stopped.push({
        workOrders: workOrders.filter((w) => w.categoryId === categoryId),
        problems: describeComplianceProblems(decision.problems),
      });
  }
  if (stopped.length)
    throw new AppError(
      "CONFLICT",
      `The contractor does not meet the requirements of ${stopped.map((s) => `${numbers(s.workOrders)} (${s.problems})`).join(", ")}. Assign ${stopped.length === 1 && stopped[0].workOrders.length === 1 ? "it" : "those"} from ${stopped.length === 1 && stopped[0].workOrders.length === 1 ? "its" : "their"} own page, where a manager can go ahead with a reason.`,
    );
}
