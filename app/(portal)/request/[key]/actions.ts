"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions/clients";
import { parseInput } from "@/lib/actions/result";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { ZTenantRequestSchema } from "@/lib/tenant-requests/schemas";
import { submitTenantRequest } from "@/lib/tenant-requests/submit-tenant-request";

// The form key comes from the page's address, never from a field people could change.
const ZRequestForm = z.looseObject({ formKey: z.string().max(64) });

export async function submitRequestAction(formKey: string, previous: unknown, formData: FormData) {
  formData.set("formKey", formKey);
  const result = await publicAction(ZRequestForm, async (form) => {
    const photos = [form.photos].flat().filter((p): p is File => p instanceof File);
    return submitTenantRequest(formKey, parseInput(ZTenantRequestSchema, form), photos, await currentRequestMeta());
  })(previous, formData);
  if (!result.ok) return result;
  redirect(`/request/${formKey}/sent?ref=${result.data.reference}${result.data.emergencyPhone ? "&emergency=1" : ""}`);
}
