import Link from "next/link";
import { notFound } from "next/navigation";
import { WorkOrderForm } from "@/components/work-orders/work-order-form";
import { requireStaffActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { moneyString } from "@/lib/money/money-string";
import { editableFieldsFingerprint } from "@/lib/work-orders/editable-fields";
import { getWorkOrder } from "@/lib/work-orders/get-work-order";
import { listAssetOptions, listWorkOrderFormOptions } from "@/lib/work-orders/list-form-options";
import { PRIORITY_OPTIONS } from "@/lib/work-orders/priorities";
import { updateWorkOrderAction } from "../../../actions";

export const metadata = { title: "Edit work order · Fieldgate" };

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

export default async function EditWorkOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffActor(`/staff/work-orders/${id}/edit`);
  const workOrder = await getWorkOrder(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [{ sites, categories }, assets] = await Promise.all([listWorkOrderFormOptions(actor), listAssetOptions(actor)]);
  return (
    <section className="card page-narrow">
      <p className="muted">
        <Link href={`/staff/work-orders/${workOrder.id}`}>Work order #{workOrder.number}</Link>
      </p>
      <h1>Edit work order</h1>
      {workOrder.archivedAt ? (
        <p className="alert alert-info">This work order is archived and can no longer be changed.</p>
      ) : (
        <WorkOrderForm
          currency={actor.organisationCurrency}
          action={updateWorkOrderAction}
          sites={sites}
          assets={assets}
          categories={categories}
          priorities={PRIORITY_OPTIONS}
          hidden={{ workOrderId: workOrder.id, baseline: editableFieldsFingerprint(workOrder) }}
          values={{
            title: workOrder.title,
            siteId: workOrder.siteId,
            assetId: workOrder.assetId ?? "",
            categoryId: workOrder.categoryId ?? "",
            priority: workOrder.priority,
            description: workOrder.description,
            dueAt: day(workOrder.dueAt),
            purchaseOrder: workOrder.purchaseOrder ?? "",
            notToExceed:
              workOrder.notToExceed === null ? "" : moneyString(workOrder.notToExceed, actor.organisationCurrency),
            internalNotes: workOrder.internalNotes ?? "",
          }}
          submitLabel="Save changes"
        />
      )}
    </section>
  );
}
