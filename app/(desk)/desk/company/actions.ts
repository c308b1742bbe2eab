"use server";

import { revalidatePath } from "next/cache";
import { addAccreditation } from "@/lib/accreditations/add-accreditation";
import { removeAccreditation } from "@/lib/accreditations/remove-accreditation";
import { renewAccreditation } from "@/lib/accreditations/renew-accreditation";
import {
  ZAddAccreditationSchema,
  ZRemoveAccreditationSchema,
  ZRenewAccreditationSchema,
} from "@/lib/accreditations/schemas";
import { deskAction } from "@/lib/actions/clients";
import { ZCompanyProfileSchema } from "@/lib/contractors/schemas";
import { updateCompanyProfile } from "@/lib/contractors/update-company-profile";

// Company profile and accreditations; people have their actions with the rest of the Desk.

export const updateCompanyProfileAction = deskAction("company.manage", ZCompanyProfileSchema, async (actor, input) => {
  await updateCompanyProfile(actor, input);
  revalidatePath("/desk", "layout");
});

export const addAccreditationAction = deskAction("company.manage", ZAddAccreditationSchema, async (actor, input) => {
  await addAccreditation(actor, input);
  revalidatePath("/desk/company/accreditations");
});

export const renewAccreditationAction = deskAction(
  "company.manage",
  ZRenewAccreditationSchema,
  async (actor, input) => {
    await renewAccreditation(actor, input);
    revalidatePath("/desk/company/accreditations");
  },
);

export const removeAccreditationAction = deskAction(
  "company.manage",
  ZRemoveAccreditationSchema,
  async (actor, input) => {
    await removeAccreditation(actor, input);
    revalidatePath("/desk/company/accreditations");
  },
);
