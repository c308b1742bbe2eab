"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/clients";
import { ZAddSiteContactSchema, ZRemoveSiteContactSchema } from "@/lib/contacts/schemas";
import { addSiteContact, removeSiteContact } from "@/lib/contacts/site-contacts";

export const addSiteContactAction = staffAction("site.write", ZAddSiteContactSchema, async (actor, input) => {
  const contact = await addSiteContact(actor, input);
  revalidatePath(`/staff/sites/${input.siteId}`);
  return { id: contact.id };
});

export const removeSiteContactAction = staffAction("site.write", ZRemoveSiteContactSchema, async (actor, input) => {
  const result = await removeSiteContact(actor, input.siteContactId);
  revalidatePath("/staff/sites/[id]", "page");
  return result;
});
