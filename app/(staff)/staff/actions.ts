"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffAction } from "@/lib/actions/clients";
import { bulkEditWorkOrders } from "@/lib/work-orders/bulk-edit-work-orders";
import { ZBulkEditWorkOrdersSchema } from "@/lib/work-orders/schemas";
import { z } from "zod";
import { assignContractor, reassignContractor } from "@/lib/assignments/assign-contractor";
import { cancelAssignment } from "@/lib/assignments/cancel-assignment";
import { reviewAssignment } from "@/lib/assignments/review-assignment";
import {
  ZAssignContractorSchema,
  ZCancelAssignmentSchema,
  ZReassignSchema,
  ZReviewAssignmentSchema,
} from "@/lib/assignments/schemas";
import { ZStaffUploadSchema } from "@/lib/attachments/schemas";
import { uploadAttachment } from "@/lib/attachments/upload-attachment";
import { inviteContractor } from "@/lib/contractors/invite-contractor";
import { ZInviteContractorSchema } from "@/lib/contractors/schemas";
import { ZIdSchema } from "@/lib/ids";
import { postMessage } from "@/lib/messages/post-message";
import { ZPostMessageSchema } from "@/lib/messages/schemas";
import { archiveWorkOrder } from "@/lib/work-orders/archive-work-order";
import { deleteSavedFilter, saveFilter } from "@/lib/work-orders/saved-filters";
import { createSite } from "@/lib/sites/create-site";
import { createAsset } from "@/lib/sites/create-asset";
import { ZCreateAssetSchema, ZCreateSiteSchema } from "@/lib/sites/schemas";
import { createWorkOrder } from "@/lib/work-orders/create-work-order";
import { addEstimateLine } from "@/lib/estimates/add-estimate-line";
import { answerRateCard } from "@/lib/rate-cards/answer-rate-card";
import { proposeRateCard } from "@/lib/rate-cards/propose-rate-card";
import { proposeRateCardSchema, ZAnswerRateCardSchema } from "@/lib/rate-cards/schemas";
import { approveEstimate } from "@/lib/estimates/approve-estimate";
import { approveInvoice } from "@/lib/invoices/approve-invoice";
import { disputeInvoice } from "@/lib/invoices/dispute-invoice";
import { markInvoicePaid } from "@/lib/invoices/mark-invoice-paid";
import { rejectInvoice } from "@/lib/invoices/reject-invoice";
import { updateInvoiceSettings } from "@/lib/invoices/update-invoice-settings";
import {
  ZApproveInvoiceSchema,
  ZDisputeInvoiceSchema,
  ZInvoiceSettingsSchema,
  ZMarkInvoicePaidSchema,
  ZRejectInvoiceSchema,
} from "@/lib/invoices/schemas";
import { requestEvidencePack } from "@/lib/evidence-packs/request-evidence-pack";
import { decideNteIncrease } from "@/lib/nte-increases/decide-nte-increase";
import { ZDecideNteIncreaseSchema } from "@/lib/nte-increases/schemas";
import { removeEstimateLine } from "@/lib/estimates/remove-estimate-line";
import { addEstimateLineSchema, ZApproveEstimateSchema, ZRemoveEstimateLineSchema } from "@/lib/estimates/schemas";
import {
  ZAddServiceTaskSchema,
  createWorkOrderSchema,
  ZSaveFilterSchema,
  ZStaffColumnsSchema,
  updateWorkOrderSchema,
} from "@/lib/work-orders/schemas";
import { addServiceTask } from "@/lib/work-orders/service-tasks";
import { addHoliday } from "@/lib/organisations/add-holiday";
import { addDocumentType, removeDocumentType, setTradeRequirements } from "@/lib/compliance/manage-document-types";
import {
  ZAddDocumentTypeSchema,
  ZRemoveDocumentTypeSchema,
  ZSetTradeRequirementsSchema,
} from "@/lib/compliance/schemas";
import { saveListColumns } from "@/lib/preferences/list-columns";
import { removeHoliday } from "@/lib/organisations/remove-holiday";
import { ZAddHolidaySchema, ZOrganisationSettingsSchema } from "@/lib/organisations/schemas";
import { updateOrganisationSettings } from "@/lib/organisations/update-organisation-settings";
import { updateWorkOrder } from "@/lib/work-orders/update-work-order";

export const createSiteAction = staffAction("site.write", ZCreateSiteSchema, async (actor, input) => {
  const site = await createSite(actor, input);
  revalidatePath("/staff/sites");
  return { id: site.id };
});

export const createWorkOrderAction = staffAction(
  "workOrder.write",
  // "Ask for quotes" creates the work order on the way to its request for quote.
  (actor) => createWorkOrderSchema(actor.organisationCurrency).extend({ then: z.enum(["quote"]).optional() }),
  async (actor, { then, ...input }) => {
    const workOrder = await createWorkOrder(actor, input);
    redirect(then === "quote" ? `/staff/quotes/new?workOrderId=${workOrder.id}` : `/staff/work-orders/${workOrder.id}`);
  },
);

export const updateWorkOrderAction = staffAction(
  "workOrder.write",
  (actor) => updateWorkOrderSchema(actor.organisationCurrency),
  async (actor, input) => {
    await updateWorkOrder(actor, input);
    redirect(`/staff/work-orders/${input.workOrderId}`);
  },
);

export const addEstimateLineAction = staffAction(
  "estimate.write",
  (actor) => addEstimateLineSchema(actor.organisationCurrency),
  async (actor, input) => {
    const line = await addEstimateLine(actor, input);
    revalidatePath(`/staff/work-orders/${input.workOrderId}`);
    return { id: line.id };
  },
);

export const removeEstimateLineAction = staffAction(
  "estimate.write",
  ZRemoveEstimateLineSchema,
  async (actor, input) => {
    const result = await removeEstimateLine(actor, input);
    revalidatePath("/staff/work-orders/[id]", "page");
    return result;
  },
);

export const approveEstimateAction = staffAction("estimate.approve", ZApproveEstimateSchema, async (actor, input) => {
  const result = await approveEstimate(actor, input);
  revalidatePath(`/staff/work-orders/${input.workOrderId}`);
  return result;
});

export const proposeRateCardAction = staffAction(
  "rates.negotiate",
  (actor) => proposeRateCardSchema(actor.organisationCurrency),
  async (actor, input) => {
    const card = await proposeRateCard(actor, input);
    revalidatePath(`/staff/contractors/${input.partyId}/rates`);
    return { id: card.id };
  },
);

export const answerRateCardAction = staffAction("rates.negotiate", ZAnswerRateCardSchema, async (actor, input) => {
  const card = await answerRateCard(actor, input);
  revalidatePath(`/staff/contractors/${card.contractorCompanyId}/rates`);
  return { status: card.status };
});

export const addServiceTaskAction = staffAction("workOrder.write", ZAddServiceTaskSchema, async (actor, input) => {
  const step = await addServiceTask(actor, input);
  revalidatePath(`/staff/work-orders/${input.workOrderId}`);
  return { id: step.id };
});

export const createAssetAction = staffAction("site.write", ZCreateAssetSchema, async (actor, input) => {
  const asset = await createAsset(actor, input);
  revalidatePath(`/staff/sites/${input.siteId}`);
  return { id: asset.id };
});

export const assignContractorAction = staffAction("workOrder.assign", ZAssignContractorSchema, async (actor, input) => {
  await assignContractor(actor, input);
  revalidatePath(`/staff/work-orders/${input.workOrderId}`);
});

export const reviewTaskAction = staffAction("workOrder.assign", ZReviewAssignmentSchema, async (actor, input) => {
  await reviewAssignment(actor, input);
  revalidatePath("/staff/work-orders/[id]", "page");
});

export const cancelTaskAction = staffAction("workOrder.assign", ZCancelAssignmentSchema, async (actor, input) => {
  await cancelAssignment(actor, input);
  revalidatePath("/staff/work-orders/[id]", "page");
});

export const reassignAction = staffAction("workOrder.assign", ZReassignSchema, async (actor, input) => {
  await reassignContractor(actor, input);
  revalidatePath(`/staff/work-orders/${input.workOrderId}`);
});

export const bulkEditWorkOrdersAction = staffAction(
  "workOrder.assign",
  ZBulkEditWorkOrdersSchema,
  async (actor, input) => {
    const result = await bulkEditWorkOrders(actor, input);
    revalidatePath("/staff");
    return result;
  },
);

export const archiveWorkOrderAction = staffAction(
  "workOrder.write",
  z.object({ workOrderId: ZIdSchema }),
  async (actor, input) => {
    await archiveWorkOrder(actor, input.workOrderId);
    revalidatePath(`/staff/work-orders/${input.workOrderId}`);
  },
);

export const postStaffMessageAction = staffAction("workOrder.write", ZPostMessageSchema, async (actor, input) => {
  await postMessage(actor, input);
  revalidatePath("/staff/work-orders/[id]", "page");
});

export const uploadClientDocumentAction = staffAction("workOrder.write", ZStaffUploadSchema, async (actor, input) => {
  await uploadAttachment(actor, { workOrderId: input.workOrderId, kind: "CLIENT_DOCUMENT", file: input.file });
  revalidatePath(`/staff/work-orders/${input.workOrderId}`);
});

export const saveFilterAction = staffAction("workOrder.read", ZSaveFilterSchema, async (actor, input) => {
  await saveFilter(actor, input);
  revalidatePath("/staff");
});

export const deleteSavedFilterAction = staffAction(
  "workOrder.read",
  z.object({ id: ZIdSchema }),
  async (actor, input) => {
    await deleteSavedFilter(actor, input.id);
    revalidatePath("/staff");
  },
);

export const inviteContractorAction = staffAction(
  "contractor.invite",
  ZInviteContractorSchema,
  async (actor, input) => {
    await inviteContractor(actor, input);
    revalidatePath("/staff/contractors");
  },
);

const revalidateInvoice = (invoiceId: string) => {
  revalidatePath(`/staff/invoices/${invoiceId}`);
  revalidatePath("/staff/invoices");
};

export const approveInvoiceAction = staffAction("invoice.decide", ZApproveInvoiceSchema, async (actor, input) => {
  await approveInvoice(actor, input);
  revalidateInvoice(input.invoiceId);
});

export const disputeInvoiceAction = staffAction("invoice.decide", ZDisputeInvoiceSchema, async (actor, input) => {
  await disputeInvoice(actor, input);
  revalidateInvoice(input.invoiceId);
});

export const rejectInvoiceAction = staffAction("invoice.decide", ZRejectInvoiceSchema, async (actor, input) => {
  await rejectInvoice(actor, input);
  revalidateInvoice(input.invoiceId);
});

export const markInvoicePaidAction = staffAction("invoice.decide", ZMarkInvoicePaidSchema, async (actor, input) => {
  await markInvoicePaid(actor, input);
  revalidateInvoice(input.invoiceId);
});

export const updateInvoiceSettingsAction = staffAction(
  "invoice.settings",
  ZInvoiceSettingsSchema,
  async (actor, input) => {
    await updateInvoiceSettings(actor, input);
    revalidatePath("/staff/invoices/settings");
  },
);

export const decideNteIncreaseAction = staffAction(
  "estimate.approve",
  ZDecideNteIncreaseSchema,
  async (actor, input) => {
    const result = await decideNteIncrease(actor, input);
    revalidatePath("/staff/work-orders/[id]", "page");
    return result;
  },
);

export const requestEvidencePackAction = staffAction(
  "workOrder.read",
  z.object({ workOrderId: ZIdSchema }),
  async (actor, input) => {
    await requestEvidencePack(actor, input);
    revalidatePath(`/staff/work-orders/${input.workOrderId}`);
  },
);

export const updateOrganisationSettingsAction = staffAction(
  "organisation.settings",
  ZOrganisationSettingsSchema,
  async (actor, input) => {
    await updateOrganisationSettings(actor, input);
    // The name, zone and currency show on every page of the dashboard.
    revalidatePath("/staff", "layout");
  },
);

export const addHolidayAction = staffAction("organisation.settings", ZAddHolidaySchema, async (actor, input) => {
  await addHoliday(actor, input);
  revalidatePath("/staff/settings");
});

export const removeHolidayAction = staffAction(
  "organisation.settings",
  z.object({ holidayId: ZIdSchema }),
  async (actor, input) => {
    await removeHoliday(actor, input.holidayId);
    revalidatePath("/staff/settings");
  },
);

export const addDocumentTypeAction = staffAction(
  "organisation.settings",
  ZAddDocumentTypeSchema,
  async (actor, input) => {
    await addDocumentType(actor, input);
    revalidatePath("/staff/settings");
  },
);

export const removeDocumentTypeAction = staffAction(
  "organisation.settings",
  ZRemoveDocumentTypeSchema,
  async (actor, input) => {
    await removeDocumentType(actor, input.documentTypeId);
    revalidatePath("/staff/settings");
  },
);

export const setTradeRequirementsAction = staffAction(
  "organisation.settings",
  ZSetTradeRequirementsSchema,
  async (actor, input) => {
    await setTradeRequirements(actor, input);
    revalidatePath("/staff/settings");
  },
);

export const saveStaffColumnsAction = staffAction("workOrder.read", ZStaffColumnsSchema, async (actor, input) => {
  await saveListColumns(actor.userId, "staffWorkOrders", input.columns);
  revalidatePath("/staff");
});
