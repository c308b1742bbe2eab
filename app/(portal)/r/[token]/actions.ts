"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction } from "@/lib/actions/clients";
import { parseInput } from "@/lib/actions/result";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { AppError } from "@/lib/errors";
import { cancelTenantRequest } from "@/lib/tenant-requests/cancel-tenant-request";
import { changeAvailability } from "@/lib/tenant-requests/change-availability";
import { confirmVisit } from "@/lib/tenant-requests/confirm-visit";
import { openRequestLink } from "@/lib/tenant-requests/open-request-link";
import { ZCancelTenantRequestSchema, ZChangeAvailabilitySchema } from "@/lib/tenant-requests/schemas";
import { ZIdSchema } from "@/lib/ids";

// Each change is a post checked against the link on the server: the request comes from
// the token, never from the form.
const ZLinkForm = z.looseObject({ token: z.string().max(200) });

async function tenantOf(token: string) {
  const opened = await openRequestLink(token, await currentRequestMeta(), "TENANT_CHANGED");
  if (!opened.ok)
    throw new AppError("LINK_EXPIRED", "This link has expired. Open the link in the newest email about your request.");
  return opened.actor;
}

export const changeAvailabilityAction = publicAction(ZLinkForm, async (form) => {
  const result = await changeAvailability(await tenantOf(form.token), parseInput(ZChangeAvailabilitySchema, form));
  revalidatePath(`/r/${form.token}`);
  return result;
});

export const confirmVisitAction = publicAction(ZLinkForm.extend({ visitId: ZIdSchema }), async (form) => {
  const result = await confirmVisit(await tenantOf(form.token), { visitId: form.visitId });
  revalidatePath(`/r/${form.token}`);
  return result;
});

export const cancelRequestAction = publicAction(ZLinkForm, async (form) => {
  const result = await cancelTenantRequest(await tenantOf(form.token), parseInput(ZCancelTenantRequestSchema, form));
  revalidatePath(`/r/${form.token}`);
  return result;
});
