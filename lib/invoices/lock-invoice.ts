import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import type { TDeskPermission } from "@/lib/authz/permissions";
import { invoiceScope } from "@/lib/authz/scopes";
import type { TTx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

// Loads an invoice through the actor's scope and locks its row for the transaction, so
// two tabs (or a double click) change it one after the other, the second seeing the first.
export async function lockInvoice(
  tx: TTx,
  actor: TStaffActor | TDeskActor,
  invoiceId: string,
  deskPermission: TDeskPermission = "invoice.write",
) {
  const visible = await tx.invoice.findFirst({
    where: { ...invoiceScope(actor, deskPermission), id: invoiceId },
    select: { id: true },
  });
  if (!visible) throw notFound("Invoice");
  await tx.$queryRaw`SELECT id FROM "Invoice" WHERE id = ${invoiceId} FOR UPDATE`;
  return tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
}

const EDITABLE = ["DRAFT", "DISPUTED"] as const;

// The office changes an invoice while it is a draft or disputed; once submitted it is
// the client's to decide, and an approved one is final.
export function assertInvoiceEditable(invoice: { status: string }) {
  if ((EDITABLE as readonly string[]).includes(invoice.status)) return;
  const why =
    invoice.status === "SUBMITTED"
      ? "It has been submitted: the client decides on it now, and if they dispute it you can revise it."
      : invoice.status === "REJECTED"
        ? "It was rejected."
        : "It has been approved.";
  throw new AppError("INVALID_TRANSITION", `This invoice can no longer be changed. ${why}`);
}
