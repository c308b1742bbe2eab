import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { assertInvoiceEditable, lockInvoice } from "./lock-invoice";
import type { TRemoveInvoiceLineInput } from "./schemas";
import { storeInvoiceTotals } from "./store-invoice-totals";

// Removes a line from a draft or disputed invoice; removing it twice (two tabs) is done once.
export async function removeInvoiceLine(actor: TDeskActor, input: TRemoveInvoiceLineInput) {
  await db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, actor, input.invoiceId);
    assertInvoiceEditable(invoice);
    await tx.invoiceLine.deleteMany({ where: { id: input.lineId, invoiceId: invoice.id } });
    await storeInvoiceTotals(tx, invoice.id);
  });
}
