"use server";

import { revalidatePath } from "next/cache";
import { deskAction } from "@/lib/actions/clients";
import { acceptAssignment, declineAssignment } from "@/lib/assignments/accept-assignment";
import { assignTechnicians } from "@/lib/assignments/assign-technicians";
import { ZAcceptAssignmentSchema, ZAssignTechniciansSchema, ZDeclineAssignmentSchema } from "@/lib/assignments/schemas";

export const acceptTaskAction = deskAction("task.respond", ZAcceptAssignmentSchema, async (actor, input) => {
  await acceptAssignment(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
});

export const declineTaskAction = deskAction("task.respond", ZDeclineAssignmentSchema, async (actor, input) => {
  await declineAssignment(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
});

export const assignTechniciansAction = deskAction("task.assignTechnician", ZAssignTechniciansSchema, async (actor, input) => {
  const result = await assignTechnicians(actor, input);
  revalidatePath(`/desk/tasks/${input.assignmentId}`);
  return result;
});
