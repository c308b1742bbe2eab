import "server-only";
import { countedLinesWhere, readCountRule } from "@/lib/estimates/counted-lines";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { estimateLineScope, invoiceScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { priceLine } from "@/lib/money/price-line";
import { sumLines } from "@/lib/money/sum-lines";
import type { TDifference } from "./check-invoice";

// One invoice as its page (and its PDF) shows it: lines priced by lib/money, the
// differences flagged at submission by line, every revision, the documents, and the
// parties' details. Out of scope is not found.
export async function getInvoice(actor: TStaffActor | TDeskActor, invoiceId: string) {
  const invoice = await db.invoice.findFirst({
    where: { ...invoiceScope(actor), id: invoiceId },
    include: {
      lines: { orderBy: { position: "asc" } },
      revisions: { orderBy: { revision: "desc" } },
      documents: {
        select: { id: true, filename: true, sizeBytes: true, createdAt: true, contentType: true, kind: true },
      },
      contractorCompany: { select: { id: true, name: true, email: true, phone: true, address: true } },
      organisation: { select: { name: true, defaultTaxPercent: true } },
      assignment: {
        select: {
          id: true,
          status: true,
          workOrder: {
            select: {
              id: true,
              number: true,
              title: true,
              purchaseOrder: true,
              notToExceed: true,
              site: { select: { name: true, addressLine1: true, city: true, postcode: true } },
            },
          },
        },
      },
    },
  });
  if (!invoice) throw notFound("Invoice");
  const { currency } = invoice;
  const differences = invoice.differences as TDifference[];
  const lines = invoice.lines.map((line) => ({
    ...line,
    amounts: priceLine(
      { quantity: line.quantity, minutes: line.minutes, unitPrice: line.unitPrice ?? 0, taxPercent: line.taxPercent },
      currency,
    ),
    differences: differences.filter((d) => d.lineId === line.id),
  }));
  const totals = sumLines(
    invoice.lines.map((l) => ({
      quantity: l.quantity,
      minutes: l.minutes,
      unitPrice: l.unitPrice ?? 0,
      taxPercent: l.taxPercent,
    })),
    currency,
  );
  const approvedEstimate = await db.estimateLine.findMany({
    where: {
      ...estimateLineScope(actor),
      workOrderId: invoice.workOrderId,
      ...countedLinesWhere(await readCountRule(db, invoice.organisationId)),
    },
    select: { id: true, position: true, description: true, quantity: true, unitCode: true, unitPrice: true },
    orderBy: { position: "asc" },
  });
  return {
    ...invoice,
    lines,
    totals,
    differences,
    invoiceDifferences: differences.filter((d) => d.lineId === null),
    approvedEstimate,
  };
}
