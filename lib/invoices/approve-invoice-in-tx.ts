import "server-only";
import type { Invoice } from "@/generated/prisma/client";
import { applyTaskEvent } from "@/lib/assignments/apply-task-event";
import type { TTx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { emailInvoiceDecision } from "./email-invoice-decision";
import { checkStoredInvoice } from "./check-stored-invoice";

// Approves an invoice by APPROVAL_RULE: the work is reviewed with it when it is not yet,
// and the task becomes invoiced. An invoice over the not-to-exceed amount (all the work
// order's invoices not rejected, checked now) waits until the amount is raised.
export async function approveInvoiceInTx(
  tx: TTx,
  invoice: Invoice,
  who: { userId: string | null; label: string },
  party: "staff" | "system",
  note: string | null,
  now = new Date(),
) {
  const { differences } = await checkStoredInvoice(tx, invoice.id);
  const over = differences.find((d) => d.code === "over_not_to_exceed");
  if (over)
    throw new AppError(
      "INVALID_TRANSITION",
      `This invoice cannot be approved: ${over.reason}. Raise the not-to-exceed amount first (the contractor can ask for an increase).`,
    );
  const task = await tx.assignment.findUniqueOrThrow({ where: { id: invoice.assignmentId } });
  if (task.status === "COMPLETED") {
    await applyTaskEvent(tx, task, "review", party, who, {}, { reason: "with its invoice" });
    await applyTaskEvent(tx, { ...task, status: "REVIEWED", version: task.version + 1 }, "invoice", party, who);
  } else if (task.status === "REVIEWED") {
    await applyTaskEvent(tx, task, "invoice", party, who);
  } else if (task.status !== "INVOICED") {
    throw new AppError(
      "INVALID_TRANSITION",
      "The work is not completed (it was sent back). Approve the invoice once the contractor completes it again.",
    );
  }
  await tx.invoice.update({
    where: { id: invoice.id },
    data: {
      status: "APPROVED",
      decidedAt: now,
      decidedById: who.userId,
      decisionNote: note,
      autoApproved: party === "system",
      version: { increment: 1 },
    },
  });
  await recordEvent(tx, {
    organisationId: invoice.organisationId,
    workOrderId: invoice.workOrderId,
    assignmentId: invoice.assignmentId,
    actor: who,
    type: "invoice.approved",
    data: { number: invoice.number, gross: invoice.gross.toString(), currency: invoice.currency, note },
  });
  const { name: clientName } = await tx.organisation.findUniqueOrThrow({ where: { id: invoice.organisationId } });
  await emailInvoiceDecision(tx, invoice, clientName, "approved", note ? [note] : []);
}
