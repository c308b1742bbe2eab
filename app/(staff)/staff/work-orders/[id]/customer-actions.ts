"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/clients";
import { deleteLineComment, postLineComment } from "@/lib/estimates/line-comments";
import { reviseEstimateLine } from "@/lib/estimates/revise-estimate-line";
import { decideEstimateProposal } from "@/lib/estimates/estimate-proposals";
import {
  reviseEstimateLineSchema,
  ZDecideProposalSchema,
  ZDeleteLineCommentSchema,
  ZPostLineCommentSchema,
} from "@/lib/estimates/schemas";
import { ZSetWorkOrderCustomerSchema } from "@/lib/contacts/schemas";
import { setWorkOrderCustomer } from "@/lib/contacts/site-contacts";
import { issueCustomerInvoice } from "@/lib/customer-invoices/issue-customer-invoice";
import { issueCustomerInvoiceSchema } from "@/lib/customer-invoices/schemas";
import { ZCreatePortalLinkSchema, ZPortalLinkIdSchema, ZSendPortalLinkSchema } from "@/lib/portal/schemas";
import { createPortalLink, resendPortalLink, revokePortalLink, sendPortalLink } from "@/lib/portal/send-portal-link";

// What staff do about a work order's customer: links in each view, and the estimate's
// lines and conversation as the customer decides them.
const refresh = () => revalidatePath("/staff/work-orders/[id]", "page");

export const sendPortalLinkAction = staffAction("portal.send", ZSendPortalLinkSchema, async (actor, input) => {
  const { sent } = await sendPortalLink(actor, input);
  refresh();
  return { sent: sent.length };
});

// The link is returned once, to be copied; afterwards only its ending is shown.
export const createPortalLinkAction = staffAction("portal.send", ZCreatePortalLinkSchema, async (actor, input) => {
  const link = await createPortalLink(actor, input);
  refresh();
  return { url: link.url };
});

export const revokePortalLinkAction = staffAction("portal.send", ZPortalLinkIdSchema, async (actor, input) => {
  const result = await revokePortalLink(actor, input.tokenId);
  refresh();
  return result;
});

export const resendPortalLinkAction = staffAction("portal.send", ZPortalLinkIdSchema, async (actor, input) => {
  await resendPortalLink(actor, input.tokenId);
  refresh();
  return null;
});

export const reviseEstimateLineAction = staffAction(
  "estimate.write",
  (actor) => reviseEstimateLineSchema(actor.organisationCurrency),
  async (actor, input) => {
    const line = await reviseEstimateLine(actor, input);
    refresh();
    return { id: line.id, version: line.version };
  },
);

export const replyToLineCommentAction = staffAction(
  "estimate.comment",
  ZPostLineCommentSchema,
  async (actor, input) => {
    await postLineComment(actor, input);
    refresh();
    return null;
  },
);

export const deleteLineCommentAction = staffAction(
  "estimate.comment.delete",
  ZDeleteLineCommentSchema,
  async (actor, input) => {
    const result = await deleteLineComment(actor, input);
    refresh();
    return result;
  },
);

export const issueCustomerInvoiceAction = staffAction(
  "customerInvoice.issue",
  (actor) => issueCustomerInvoiceSchema(actor.organisationCurrency),
  async (actor, input) => {
    const invoice = await issueCustomerInvoice(actor, input);
    refresh();
    return { number: invoice.number };
  },
);

export const decideEstimateProposalAction = staffAction(
  "estimate.write",
  ZDecideProposalSchema,
  async (actor, input) => {
    const result = await decideEstimateProposal(actor, input);
    refresh();
    return result;
  },
);

export const setWorkOrderCustomerAction = staffAction(
  "workOrder.write",
  ZSetWorkOrderCustomerSchema,
  async (actor, input) => {
    await setWorkOrderCustomer(actor, input);
    refresh();
    return null;
  },
);
