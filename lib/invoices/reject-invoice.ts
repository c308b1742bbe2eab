import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/timeline/record-event";
import { emailInvoiceDecision } from "./email-invoice-decision";
import { assertDecidable } from "./approve-invoice";
import { lockInvoice } from "./lock-invoice";
import type { TRejectInvoiceInput } from "./schemas";

// Staff reject an invoice outright (billed twice, not this organisation's work): it no
// longer counts towards the not-to-exceed amount, and the contractor is told why.
export async function rejectInvoice(actor: TStaffActor, input: TRejectInvoiceInput, now = new Date()) {
  await db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, actor, input.invoiceId);
    assertDecidable(invoice, input.revision);
    await tx.invoice.update({
      where: { id: invoice.id },
      data: {
        status: "REJECTED",
        decidedAt: now,
        decidedById: actor.userId,
        decisionNote: input.reason,
        version: { increment: 1 },
      },
    });
    await recordEvent(tx, {
      organisationId: invoice.organisationId,
      workOrderId: invoice.workOrderId,
      assignmentId: invoice.assignmentId,
      actor: { userId: actor.userId, label: actor.name },
      type: "invoice.rejected",
      data: { number: invoice.number, reason: input.reason.slice(0, 200) },
    });
    await emailInvoiceDecision(tx, invoice, actor.organisationName, "rejected", [input.reason]);
  });
}
