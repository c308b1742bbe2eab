"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffAction } from "@/lib/actions/clients";
import { assignContractor } from "@/lib/assignments/assign-contractor";
import { ZAssignContractorSchema } from "@/lib/assignments/schemas";
import { sendPortalLink } from "@/lib/portal/send-portal-link";
import { ZSendPortalLinkSchema } from "@/lib/portal/schemas";
import { createSite } from "@/lib/sites/create-site";
import { ZCreateSiteSchema } from "@/lib/sites/schemas";
import { createWorkOrder } from "@/lib/work-orders/create-work-order";
import { ZCreateWorkOrderSchema } from "@/lib/work-orders/schemas";

export const createSiteAction = staffAction("site.write", ZCreateSiteSchema, async (actor, input) => {
  const site = await createSite(actor, input);
  revalidatePath("/staff/sites");
  return { id: site.id };
});

export const createWorkOrderAction = staffAction("workOrder.write", ZCreateWorkOrderSchema, async (actor, input) => {
  const workOrder = await createWorkOrder(actor, input);
  redirect(`/staff/work-orders/${workOrder.id}`);
});

export const assignContractorAction = staffAction("workOrder.assign", ZAssignContractorSchema, async (actor, input) => {
  await assignContractor(actor, input);
  revalidatePath(`/staff/work-orders/${input.workOrderId}`);
});

export const sendPortalLinkAction = staffAction("portal.send", ZSendPortalLinkSchema, async (actor, input) => {
  await sendPortalLink(actor, input);
  revalidatePath(`/staff/work-orders/${input.workOrderId}`);
});
