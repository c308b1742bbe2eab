import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { LIVE_STATUSES } from "@/lib/assignments/status-machine";
import { workOrderScope } from "@/lib/authz/scopes";
import { workOrderSqlScope } from "@/lib/authz/sql-scopes";
import { contractorOfficeEmails } from "@/lib/contractors/office-recipients";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { checkAmountForCurrency } from "@/lib/money/check-amount-for-currency";
import { checkWorkOrderReferences } from "./check-references";
import {
  CONTRACTOR_VISIBLE_FIELDS,
  EDITABLE_FIELD_LABELS,
  changedFields,
  editableFieldsFingerprint,
} from "./editable-fields";
import { slaDueAt } from "./priorities";
import type { TUpdateWorkOrderInput } from "./schemas";

// Saves the edit form. A new priority moves the SLA due time (counted from creation, as
// the SLA always is); a contractor holding the task is told what changed.
export async function updateWorkOrder(
  actor: TStaffActor,
  input: TUpdateWorkOrderInput,
): Promise<{ changed: string[] }> {
  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT w.id FROM "WorkOrder" w WHERE w.id = ${input.workOrderId} AND ${workOrderSqlScope(actor)} FOR UPDATE`;
    const before = current && (await tx.workOrder.findFirst({ where: { ...workOrderScope(actor), id: current.id } }));
    if (!before) throw notFound("Work order");
    if (before.archivedAt) throw new AppError("CONFLICT", "This work order is archived and can no longer be changed.");
    if (editableFieldsFingerprint(before) !== input.baseline) {
      throw new AppError(
        "CONFLICT",
        "Someone else changed this work order while you were editing. Reload the page to see their changes, then edit again.",
      );
    }
    await checkWorkOrderReferences(tx, actor, input);

    const after = {
      title: input.title,
      description: input.description,
      siteId: input.siteId,
      assetId: input.assetId ?? null,
      categoryId: input.categoryId ?? null,
      priority: input.priority,
      dueAt: input.dueAt ?? null,
      purchaseOrder: input.purchaseOrder ?? null,
      notToExceed: checkAmountForCurrency("notToExceed", input.notToExceed, actor.organisationCurrency) ?? null,
      internalNotes: input.internalNotes ?? null,
    };
    return applyWorkOrderChanges(tx, actor, before, after);
  });
}

type TWorkOrderRow = NonNullable<Awaited<ReturnType<TTx["workOrder"]["findFirst"]>>>;
// An amount is written as the exact string the form gave, or kept as read.
type TEditableFields = Omit<Pick<TWorkOrderRow, keyof typeof EDITABLE_FIELD_LABELS>, "notToExceed"> & {
  notToExceed: TWorkOrderRow["notToExceed"] | string;
};

export function editableFieldsOf(row: TWorkOrderRow): TEditableFields {
  const fields = Object.keys(EDITABLE_FIELD_LABELS) as (keyof TEditableFields)[];
  return Object.fromEntries(fields.map((field) => [field, row[field]])) as TEditableFields;
}

// Saves changed fields of a locked work order: a new priority moves the SLA due time, the
// change is on the timeline, and a contractor holding the task is told what it can see
// changed. The edit form and the list's bulk edit both come here.
export async function applyWorkOrderChanges(
  tx: TTx,
  actor: TStaffActor,
  before: TWorkOrderRow,
  after: TEditableFields,
): Promise<{ changed: string[] }> {
  const changed = changedFields(before, after);
  if (changed.length === 0) return { changed: [] };

  await tx.workOrder.update({
    where: { id: before.id },
    data: {
      ...after,
      slaDueAt: after.priority === before.priority ? before.slaDueAt : slaDueAt(after.priority, before.createdAt),
    },
  });
  const labels = changed.map((field) => EDITABLE_FIELD_LABELS[field]);
  await recordEvent(tx, {
    organisationId: actor.organisationId,
    workOrderId: before.id,
    actor: { userId: actor.userId, label: actor.name },
    type: "work_order.updated",
    data: { changes: labels },
  });

  const visible = changed
    .filter((field) => CONTRACTOR_VISIBLE_FIELDS.includes(field))
    .map((field) => EDITABLE_FIELD_LABELS[field]);
  const live = await tx.assignment.findFirst({
    where: { workOrderId: before.id, status: { in: LIVE_STATUSES } },
    select: { id: true, contractorCompanyId: true },
  });
  if (live && visible.length) {
    for (const to of await contractorOfficeEmails(tx, live.contractorCompanyId)) {
      await enqueueEmail(tx, {
        to,
        organisationId: actor.organisationId,
        template: "task-updated",
        data: {
          clientName: actor.organisationName,
          workOrderNumber: before.number,
          title: after.title,
          changes: visible,
          url: `${env.APP_URL}/desk/tasks/${live.id}`,
        },
      });
    }
  }
  return { changed: labels };
}
