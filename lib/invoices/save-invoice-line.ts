import "server-only";
import { countedLinesWhere, readCountRule } from "@/lib/estimates/counted-lines";
import type { InvoiceLineKind, LabourType } from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { db, type TTx } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import { checkAmountForCurrency } from "@/lib/money/check-amount-for-currency";
import { toDecimal } from "@/lib/money/decimal";
import { assertInvoiceEditable, lockInvoice } from "./lock-invoice";
import { MAX_INVOICE_LINES, type TLineType, type TSaveInvoiceLineInput } from "./schemas";
import { storeInvoiceTotals } from "./store-invoice-totals";

const fieldError = (field: string, message: string) =>
  invalidInput("Please correct the highlighted fields.", { [field]: [message] });

function kindOf(lineType: TLineType | undefined): { kind: InvoiceLineKind; labourType: LabourType | null } {
  if (!lineType) return { kind: "OTHER", labourType: null };
  if (lineType.startsWith("LABOUR:")) return { kind: "LABOUR", labourType: lineType.slice(7) as LabourType };
  return { kind: lineType as InvoiceLineKind, labourType: null };
}

// Adds a line to a draft or disputed invoice, or changes one (its kind and what it was
// made from stay). The price is held to the client's currency; a labour or call-out line
// priced at 0 where a rate card is in force is refused (the card says what it costs).
export async function saveInvoiceLine(actor: TDeskActor, input: TSaveInvoiceLineInput) {
  return db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, actor, input.invoiceId);
    assertInvoiceEditable(invoice);
    const unitPrice = checkAmountForCurrency("unitPrice", input.unitPrice, invoice.currency)!;
    const existing = input.lineId
      ? await tx.invoiceLine.findFirst({ where: { id: input.lineId, invoiceId: invoice.id } })
      : null;
    if (input.lineId && !existing) throw invalidInput("That line is no longer on the invoice. Reload it.");
    const { kind, labourType } = existing ?? kindOf(input.lineType);
    if (kind !== "OTHER" && kind !== "COST" && toDecimal(unitPrice).isZero() && (await cardInForce(tx, invoice)))
      throw fieldError("unitPrice", "A rate card is in force for this work: enter its rate, not 0");
    if (input.estimateLineId)
      await assertApprovedLine(tx, invoice.organisationId, invoice.workOrderId, input.estimateLineId);

    const taxPercent =
      input.taxPercent ??
      (await tx.organisation.findUniqueOrThrow({ where: { id: invoice.organisationId } })).defaultTaxPercent.toString();
    const fields = {
      description: input.description,
      quantity: input.quantity,
      // Hours still as recorded keep their exact minutes; hours typed otherwise price the line.
      minutes:
        existing?.minutes !== null && existing !== null && toDecimal(existing.quantity).equals(input.quantity)
          ? existing.minutes
          : null,
      unitCode: input.unitCode,
      unitPrice,
      taxPercent,
      estimateLineId: input.estimateLineId,
    };
    if (existing) {
      await tx.invoiceLine.update({ where: { id: existing.id }, data: fields });
    } else {
      const count = await tx.invoiceLine.count({ where: { invoiceId: invoice.id } });
      if (count >= MAX_INVOICE_LINES)
        throw invalidInput(`An invoice holds ${MAX_INVOICE_LINES} lines at most. Start another invoice.`);
      const last = await tx.invoiceLine.aggregate({ where: { invoiceId: invoice.id }, _max: { position: true } });
      await tx.invoiceLine.create({
        data: { ...fields, kind, labourType, invoiceId: invoice.id, position: (last._max.position ?? 0) + 1 },
      });
    }
    return storeInvoiceTotals(tx, invoice.id).then(() => ({ invoiceId: invoice.id }));
  });
}

async function cardInForce(
  tx: TTx,
  invoice: { organisationId: string; contractorCompanyId: string; rateCardId: string | null },
) {
  if (invoice.rateCardId) return true;
  const accepted = await tx.rateCard.count({
    where: {
      organisationId: invoice.organisationId,
      contractorCompanyId: invoice.contractorCompanyId,
      status: "ACCEPTED",
    },
  });
  return accepted > 0;
}

async function assertApprovedLine(tx: TTx, organisationId: string, workOrderId: string, estimateLineId: string) {
  const line = await tx.estimateLine.findFirst({
    where: { id: estimateLineId, workOrderId, ...countedLinesWhere(await readCountRule(tx, organisationId)) },
    select: { id: true },
  });
  if (!line) throw fieldError("estimateLineId", "Choose a line of this work order's approved estimate");
}
