import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/timeline/record-event";
import { checkAmountForCurrency } from "@/lib/money/check-amount-for-currency";
import { checkWorkOrderReferences } from "./check-references";
import { slaDueAt } from "./priorities";
import type { TCreateWorkOrderInput } from "./schemas";

export async function createWorkOrder(actor: TStaffActor, input: TCreateWorkOrderInput) {
  return db.$transaction(async (tx) => {
    await checkWorkOrderReferences(tx, actor, input);
    const { lastWorkOrderNumber: number } = await tx.organisation.update({
      where: { id: actor.organisationId },
      data: { lastWorkOrderNumber: { increment: 1 } },
      select: { lastWorkOrderNumber: true },
    });
    const now = new Date();
    // Its customer is the site's (the first named), until staff choose another.
    const siteCustomer = await tx.siteContact.findFirst({
      where: { siteId: input.siteId, role: "CUSTOMER", site: { organisationId: actor.organisationId } },
      orderBy: { createdAt: "asc" },
      select: { contactId: true },
    });
    const workOrder = await tx.workOrder.create({
      data: {
        organisationId: actor.organisationId,
        number,
        title: input.title,
        description: input.description,
        siteId: input.siteId,
        assetId: input.assetId,
        categoryId: input.categoryId,
        priority: input.priority,
        dueAt: input.dueAt,
        slaDueAt: slaDueAt(input.priority, now),
        purchaseOrder: input.purchaseOrder,
        notToExceed: checkAmountForCurrency("notToExceed", input.notToExceed, actor.organisationCurrency),
        internalNotes: input.internalNotes,
        customerContactId: siteCustomer?.contactId,
        createdById: actor.userId,
        createdAt: now,
      },
    });
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: workOrder.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "work_order.created",
      data: { number, title: input.title },
    });
    return workOrder;
  });
}
