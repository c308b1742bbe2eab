"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/clients";
import { matchTenantRequest } from "@/lib/tenant-requests/match-tenant-request";
import { ZMatchTenantRequestSchema } from "@/lib/tenant-requests/schemas";
import {
  addEmergencyQuestion,
  removeEmergencyQuestion,
  updateTenantRequestSettings,
  ZAddEmergencyQuestionSchema,
  ZRemoveEmergencyQuestionSchema,
  ZTenantRequestSettingsSchema,
} from "@/lib/tenant-requests/tenant-request-settings";

export const matchTenantRequestAction = staffAction(
  "tenantRequest.triage",
  ZMatchTenantRequestSchema,
  async (actor, input) => {
    const result = await matchTenantRequest(actor, input);
    revalidatePath("/staff/tenant-requests");
    return result;
  },
);

export const updateTenantRequestSettingsAction = staffAction(
  "tenantRequest.settings",
  ZTenantRequestSettingsSchema,
  async (actor, input) => {
    await updateTenantRequestSettings(actor, input);
    revalidatePath("/staff/settings/tenant-requests");
    return null;
  },
);

export const addEmergencyQuestionAction = staffAction(
  "tenantRequest.settings",
  ZAddEmergencyQuestionSchema,
  async (actor, input) => {
    await addEmergencyQuestion(actor, input);
    revalidatePath("/staff/settings/tenant-requests");
    return null;
  },
);

export const removeEmergencyQuestionAction = staffAction(
  "tenantRequest.settings",
  ZRemoveEmergencyQuestionSchema,
  async (actor, input) => {
    await removeEmergencyQuestion(actor, input);
    revalidatePath("/staff/settings/tenant-requests");
    return null;
  },
);
