import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { siteScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { slaDueAt } from "./priorities";
import type { TCreateWorkOrderInput } from "./schemas";

export async function createWorkOrder(actor: TStaffActor, input: TCreateWorkOrderInput) {
  return db.$transaction(async (tx) => {
    // Site and category must belong to the actor's organisation: checked in the query.
    const site = await tx.site.findFirst({ where: { ...siteScope(actor), id: input.siteId }, select: { id: true } });
    if (!site) throw invalidInput("Please correct the highlighted fields.", { siteId: ["Choose one of your sites"] });
    if (input.categoryId) {
      const category = await tx.category.findFirst({ where: { id: input.categoryId, organisationId: actor.organisationId } });
      if (!category) throw invalidInput("Please correct the highlighted fields.", { categoryId: ["Choose one of your trades"] });
    }
    const { lastWorkOrderNumber: number } = await tx.organisation.update({
      where: { id: actor.organisationId },
      data: { lastWorkOrderNumber: { increment: 1 } },
      select: { lastWorkOrderNumber: true },
    });
    const now = new Date();
    const workOrder = await tx.workOrder.create({
      data: {
        organisationId: actor.organisationId,
        number,
        title: input.title,
        description: input.description,
        siteId: input.siteId,
        categoryId: input.categoryId,
        priority: input.priority,
        dueAt: input.dueAt,
        slaDueAt: slaDueAt(input.priority, now),
        purchaseOrder: input.purchaseOrder,
        notToExceedCents: input.notToExceed,
        internalNotes: input.internalNotes,
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
