"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/clients";
import {
  updateCustomerPortalSettings,
  ZCustomerPortalSettingsSchema,
} from "@/lib/organisations/customer-portal-settings";

export const updateCustomerPortalSettingsAction = staffAction(
  "organisation.settings",
  ZCustomerPortalSettingsSchema,
  async (actor, input) => {
    await updateCustomerPortalSettings(actor, input);
    revalidatePath("/staff/settings/customers");
    return null;
  },
);
