import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { emailInvoiceDecision } from "./email-invoice-decision";
import { assertDecidable } from "./approve-invoice";
import { lockInvoice } from "./lock-invoice";
import type { TDisputeInvoiceInput } from "./schemas";

// Staff dispute lines of a submitted revision, a reason each. The reasons are kept with
// the revision, shown on the lines, and emailed to the contractor, who revises and
// submits again.
export async function disputeInvoice(actor: TStaffActor, input: TDisputeInvoiceInput, now = new Date()) {
  await db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, actor, input.invoiceId);
    assertDecidable(invoice, input.revision);
    const lines = await tx.invoiceLine.findMany({ where: { invoiceId: invoice.id } });
    const byId = new Map(lines.map((line) => [line.id, line]));
    const unknown = input.reasons.filter((r) => !byId.has(r.lineId));
    if (unknown.length > 0) throw invalidInput("A disputed line is no longer on the invoice. Reload it.");
    for (const { lineId, reason } of input.reasons)
      await tx.invoiceLine.update({ where: { id: lineId }, data: { disputeReason: reason } });
    const disputes = input.reasons.map(({ lineId, reason }) => ({
      lineId,
      position: byId.get(lineId)!.position,
      description: byId.get(lineId)!.description,
      reason,
    }));
    await tx.invoiceRevision.update({
      where: { invoiceId_revision: { invoiceId: invoice.id, revision: invoice.revision } },
      data: { disputes, disputedAt: now, disputedById: actor.userId },
    });
    await tx.invoice.update({
      where: { id: invoice.id },
      data: { status: "DISPUTED", decidedAt: now, decidedById: actor.userId, version: { increment: 1 } },
    });
    await recordEvent(tx, {
      organisationId: invoice.organisationId,
      workOrderId: invoice.workOrderId,
      assignmentId: invoice.assignmentId,
      actor: { userId: actor.userId, label: actor.name },
      type: "invoice.disputed",
      data: { number: invoice.number, revision: invoice.revision, lines: disputes.map((d) => d.description) },
    });
    await emailInvoiceDecision(
      tx,
      invoice,
      actor.organisationName,
      "disputed",
      disputes.map((d) => `Line ${d.position}, ${d.description}: ${d.reason}`),
    );
  });
}
