import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { approveInvoiceInTx } from "./approve-invoice-in-tx";
import { lockInvoice } from "./lock-invoice";
import type { TApproveInvoiceInput } from "./schemas";

// Staff approve the revision they read. A second approval (double click, two tabs) finds
// it approved and changes nothing; a revision submitted since must be read first.
export async function approveInvoice(actor: TStaffActor, input: TApproveInvoiceInput) {
  return db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, actor, input.invoiceId);
    if (invoice.status === "APPROVED" || invoice.status === "PAID")
      throw new AppError("CONFLICT", `Invoice ${invoice.number} is already approved.`);
    assertDecidable(invoice, input.revision);
    await approveInvoiceInTx(tx, invoice, { userId: actor.userId, label: actor.name }, "staff", null);
  });
}

export function assertDecidable(invoice: { status: string; revision: number; number: string }, revision: number) {
  if (invoice.status !== "SUBMITTED")
    throw new AppError(
      "INVALID_TRANSITION",
      invoice.status === "DISPUTED"
        ? `Invoice ${invoice.number} is disputed: the contractor revises it first.`
        : `Invoice ${invoice.number} is ${invoice.status.toLowerCase()} and cannot be decided.`,
    );
  if (invoice.revision !== revision)
    throw new AppError(
      "CONFLICT",
      "The contractor has submitted a new revision since you opened it. Reload to read it.",
    );
}
