"use server";
import { bookVisit } from "@/lib/visits/book-visit";
import { ZBookVisitSchema } from "@/lib/visits/schemas";

import { revalidatePath } from "next/cache";
import { ZIdSchema } from "@/lib/ids";
import { z } from "zod";
import { deskAction } from "@/lib/actions/clients";
import { ZDeskUploadSchema } from "@/lib/attachments/schemas";
import { uploadAttachment } from "@/lib/attachments/upload-attachment";
import { recordCostEntry } from "@/lib/work-time/record-cost-entry";
import { answerRateCard } from "@/lib/rate-cards/answer-rate-card";
import { proposeRateCard } from "@/lib/rate-cards/propose-rate-card";
import { ZAnswerRateCardSchema, ZProposeRateCardSchema } from "@/lib/rate-cards/schemas";
import { recordTimeEntry } from "@/lib/work-time/record-time-entry";
import { ZRecordCostSchema, ZRecordTimeSchema } from "@/lib/work-time/schemas";
import { postLineComment } from "@/lib/estimates/line-comments";
import { ZPostLineCommentSchema, ZProposeEstimateLineSchema } from "@/lib/estimates/schemas";
import { proposeEstimateLine } from "@/lib/estimates/estimate-proposals";
import { postMessage } from "@/lib/messages/post-message";
import { attachInvoiceDocument } from "@/lib/invoices/attach-invoice-document";
import { createManualInvoice } from "@/lib/invoices/create-manual-invoice";
import { removeInvoiceLine } from "@/lib/invoices/remove-invoice-line";
import { saveInvoiceLine } from "@/lib/invoices/save-invoice-line";
import { submitInvoice } from "@/lib/invoices/submit-invoice";
import {
  ZCreateInvoiceSchema,
  ZInvoiceDocumentSchema,
  ZRemoveInvoiceLineSchema,
  ZSaveInvoiceLineSchema,
  ZSubmitInvoiceSchema,
} from "@/lib/invoices/schemas";
import { requestEvidencePack } from "@/lib/evidence-packs/request-evidence-pack";
import { requestNteIncrease } from "@/lib/nte-increases/request-nte-increase";
import { ZRequestNteIncreaseSchema } from "@/lib/nte-increases/schemas";
import { currentSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { addCompanyPerson, resetCompanyPersonPassword, updateCompanyPerson } from "@/lib/people/company-people";
import {
  ZAddPersonSchema,
  ZPreferencesSchema,
  ZResetPasswordSchema,
  ZSetOwnPasswordSchema,
  ZUpdatePersonSchema,
} from "@/lib/people/schemas";
import { setOwnPassword } from "@/lib/people/set-own-password";
import { updatePreferences } from "@/lib/people/update-preferences";
import { saveListColumns } from "@/lib/preferences/list-columns";
import { ZPostMessageSchema } from "@/lib/messages/schemas";
import { acceptAssignment, declineAssignment } from "@/lib/assignments/accept-assignment";
import { assignTechnicians } from "@/lib/assignments/assign-technicians";
import { bulkEditTasks } from "@/lib/assignments/bulk-edit-tasks";
import { removeTechnician } from "@/lib/assignments/remove-technician";
import { completeAssignment } from "@/lib/assignments/complete-assignment";
import { scheduleAssignment } from "@/lib/assignments/schedule-assignment";
import {
  ZAcceptAssignmentSchema,
  ZAssignTechniciansSchema,
  ZBulkEditTasksSchema,
  ZCompleteAssignmentSchema,
  ZDeskColumnsSchema,
  ZDeclineAssignmentSchema,
  ZRemoveTechnicianSchema,
  ZScheduleAssignmentSchema,
} from "@/lib/assignments/schemas";

export const acceptTaskAction = deskAction("task.respond", ZAcceptAssignmentSchema, async (actor, input) => {
  await acceptAssignment(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
});

export const declineTaskAction = deskAction("task.respond", ZDeclineAssignmentSchema, async (actor, input) => {
  await declineAssignment(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
});

export const assignTechniciansAction = deskAction("task.plan", ZAssignTechniciansSchema, async (actor, input) => {
  const result = await assignTechnicians(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
  return result;
});

export const removeTechnicianAction = deskAction("task.plan", ZRemoveTechnicianSchema, async (actor, input) => {
  const result = await removeTechnician(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
  return result;
});

export const scheduleTaskAction = deskAction("task.plan", ZScheduleAssignmentSchema, async (actor, input) => {
  await scheduleAssignment(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
});

export const bookVisitAction = deskAction("task.plan", ZBookVisitSchema, async (actor, input) => {
  const booked = await bookVisit(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
  return booked;
});

export const completeTaskAction = deskAction("task.respond", ZCompleteAssignmentSchema, async (actor, input) => {
  await completeAssignment(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
});

export const postDeskMessageAction = deskAction("task.respond", ZPostMessageSchema, async (actor, input) => {
  await postMessage(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
});

export const uploadTaskDocumentAction = deskAction("task.respond", ZDeskUploadSchema, async (actor, input) => {
  await uploadAttachment(actor, { assignmentId: input.assignmentId, kind: input.kind, file: input.file });
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
});

export const recordTimeAction = deskAction("time.record", ZRecordTimeSchema, async (actor, input) => {
  const entry = await recordTimeEntry(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
  return { id: entry.id };
});

export const recordCostAction = deskAction("time.record", ZRecordCostSchema, async (actor, input) => {
  const entry = await recordCostEntry(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
  return { id: entry.id };
});

export const proposeRateCardAction = deskAction("rates.negotiate", ZProposeRateCardSchema, async (actor, input) => {
  const card = await proposeRateCard(actor, input);
  revalidatePath("/desk/company/rates");
  return { id: card.id };
});

export const answerRateCardAction = deskAction("rates.negotiate", ZAnswerRateCardSchema, async (actor, input) => {
  const card = await answerRateCard(actor, input);
  revalidatePath("/desk/company/rates");
  return { status: card.status };
});

export const bulkEditTasksAction = deskAction("task.plan", ZBulkEditTasksSchema, async (actor, input) => {
  const result = await bulkEditTasks(actor, input);
  revalidatePath("/desk");
  return result;
});

export const saveDeskColumnsAction = deskAction("task.read", ZDeskColumnsSchema, async (actor, input) => {
  await saveListColumns(actor.userId, "desk", input.columns);
  revalidatePath("/desk");
});

export const updatePreferencesAction = deskAction("task.read", ZPreferencesSchema, async (actor, input) => {
  await updatePreferences(actor.userId, input);
  revalidatePath("/desk/preferences");
});

export const addPersonAction = deskAction("company.manage", ZAddPersonSchema, async (actor, input) => {
  await addCompanyPerson(actor, input);
  revalidatePath("/desk/company");
});

export const updatePersonAction = deskAction("company.manage", ZUpdatePersonSchema, async (actor, input) => {
  await updateCompanyPerson(actor, input);
  revalidatePath("/desk/company");
});

export const resetPasswordAction = deskAction("company.manage", ZResetPasswordSchema, async (actor, input) => {
  await resetCompanyPersonPassword(actor, input);
  revalidatePath("/desk/company");
});

export const setOwnPasswordAction = deskAction("task.read", ZSetOwnPasswordSchema, async (_actor, input) => {
  const session = await currentSession();
  if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
  return setOwnPassword(session, input);
});

export const createInvoiceAction = deskAction("invoice.write", ZCreateInvoiceSchema, async (actor, input) => {
  const invoice = await createManualInvoice(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
  return invoice;
});

// Prices are held to the client's currency on the server (the Desk bills several).
export const saveInvoiceLineAction = deskAction("invoice.write", ZSaveInvoiceLineSchema, async (actor, input) => {
  await saveInvoiceLine(actor, input);
  revalidatePath(`/desk/invoices/${input.invoiceId}`);
});

export const removeInvoiceLineAction = deskAction("invoice.write", ZRemoveInvoiceLineSchema, async (actor, input) => {
  await removeInvoiceLine(actor, input);
  revalidatePath(`/desk/invoices/${input.invoiceId}`);
});

export const attachInvoiceDocumentAction = deskAction("invoice.write", ZInvoiceDocumentSchema, async (actor, input) => {
  await attachInvoiceDocument(actor, input);
  revalidatePath(`/desk/invoices/${input.invoiceId}`);
});

export const submitInvoiceAction = deskAction("invoice.write", ZSubmitInvoiceSchema, async (actor, input) => {
  const result = await submitInvoice(actor, input);
  revalidatePath(`/desk/invoices/${input.invoiceId}`);
  return { status: result.status, differences: (result.differences as unknown[]).length };
});

export const requestNteIncreaseAction = deskAction("invoice.write", ZRequestNteIncreaseSchema, async (actor, input) => {
  await requestNteIncrease(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
});

export const requestEvidencePackAction = deskAction(
  "task.read",
  z.object({ assignmentId: ZIdSchema }),
  async (actor, input) => {
    await requestEvidencePack(actor, input);
    revalidatePath(`/desk/tasks/${input.assignmentId}`);
  },
);

// A reply to the customer's comment on an estimate line of a task the company holds.
export const replyToLineCommentAction = deskAction("estimate.comment", ZPostLineCommentSchema, async (actor, input) => {
  await postLineComment(actor, input);
  revalidatePath("/desk/tasks/[id]", "page");
  return null;
});

export const proposeEstimateLineAction = deskAction(
  "estimate.propose",
  ZProposeEstimateLineSchema,
  async (actor, input) => {
    await proposeEstimateLine(actor, input);
    revalidatePath("/desk/tasks/[id]", "page");
    return null;
  },
);
