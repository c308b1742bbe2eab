"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction } from "@/lib/actions/clients";
import { parseInput } from "@/lib/actions/result";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import { assertLinkCan } from "@/lib/authz/permissions";
import { postLineComment } from "@/lib/estimates/line-comments";
import { askForNewPortalLink } from "@/lib/portal/ask-for-new-link";
import { decideEstimateLine } from "@/lib/portal/decide-estimate-line";
import { resolvePortalLink, type TPortalUse } from "@/lib/portal/resolve-portal-link";
import { ZLineActSchema, ZSignEstimateSchema } from "@/lib/portal/schemas";
import { signEstimate } from "@/lib/portal/sign-estimate";

// Every decision, comment and signature is a post checked against the link's own scope on
// the server: the work order and view come from the token, never from the form.
const ZLinkForm = z.looseObject({ token: z.string().max(200) });

async function customerOf(token: string, use: TPortalUse) {
  return resolvePortalLink(token, await currentRequestMeta(), use);
}

// A line's decision or comment, from the page's one form.
export const lineAction = publicAction(ZLinkForm, async (form) => {
  const act = parseInput(ZLineActSchema, form);
  if (act.kind === "comment") {
    const actor = await customerOf(form.token, "PORTAL_COMMENTED");
    assertLinkCan(actor, "estimate.comment");
    await postLineComment(actor, { lineId: act.lineId, body: act.body });
  } else {
    const actor = await customerOf(form.token, "PORTAL_DECIDED");
    await decideEstimateLine(actor, act);
  }
  revalidatePath(`/l/${form.token}`);
  return null;
});

export const signEstimateAction = publicAction(ZLinkForm, async (form) => {
  const meta = await currentRequestMeta();
  const actor = await resolvePortalLink(form.token, meta, "PORTAL_SIGNED");
  const result = await signEstimate(actor, parseInput(ZSignEstimateSchema, form), meta);
  revalidatePath(`/l/${form.token}`);
  return result;
});

export const askForNewLinkAction = publicAction(ZLinkForm, async (form) => {
  await askForNewPortalLink(form.token, await currentRequestMeta());
  return null;
});
