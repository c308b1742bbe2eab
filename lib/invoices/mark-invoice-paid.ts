import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, invalidInput } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { lockInvoice } from "./lock-invoice";
import type { TMarkInvoicePaidInput } from "./schemas";

// Records that an approved invoice was paid (on which day, with the payment's reference).
// Marking it paid again changes nothing.
export async function markInvoicePaid(actor: TStaffActor, input: TMarkInvoicePaidInput, now = new Date()) {
  // A day ahead of UTC at most: it is already tomorrow east of Greenwich.
  if (Date.parse(`${input.paidOn}T00:00:00Z`) > now.getTime() + 86_400_000)
    throw invalidInput("Please correct the highlighted fields.", {
      paidOn: ["The payment day cannot be in the future"],
    });
  await db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, actor, input.invoiceId);
    if (invoice.status === "PAID") return;
    if (invoice.status !== "APPROVED")
      throw new AppError("INVALID_TRANSITION", `Approve invoice ${invoice.number} before you mark it paid.`);
    await tx.invoice.update({
      where: { id: invoice.id },
      data: {
        status: "PAID",
        paidAt: new Date(`${input.paidOn}T00:00:00Z`),
        paidById: actor.userId,
        paymentReference: input.reference,
        version: { increment: 1 },
      },
    });
    await recordEvent(tx, {
      organisationId: invoice.organisationId,
      workOrderId: invoice.workOrderId,
      assignmentId: invoice.assignmentId,
      actor: { userId: actor.userId, label: actor.name },
      type: "invoice.paid",
      data: { number: invoice.number, paidOn: input.paidOn, reference: input.reference ?? null },
    });
  });
}
