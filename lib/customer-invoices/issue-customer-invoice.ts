import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { workOrderScope } from "@/lib/authz/scopes";
import { db, type TTx } from "@/lib/db";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { countedLinesWhere, readCountRule } from "@/lib/estimates/counted-lines";
import { customerUnitPrice } from "@/lib/estimates/customer-prices";
import { lockEstimateWorkOrder } from "@/lib/estimates/lock-estimate-work-order";
import { moneyString } from "@/lib/money/money-string";
import { priceLine } from "@/lib/money/price-line";
import { sumLines } from "@/lib/money/sum-lines";
import { now } from "@/lib/time/now";
import { dayInZone } from "@/lib/time/zones";
import { recordEvent } from "@/lib/timeline/record-event";
import type { TIssueCustomerInvoiceInput } from "./schemas";

const DONE_TASKS = ["COMPLETED", "REVIEWED", "INVOICED"] as const;

// The organisation's next customer-invoice number: its own sequence, apart from work
// order numbers and every contractor's, taken with one UPDATE … RETURNING.
async function nextCustomerInvoiceNumber(tx: TTx, organisationId: string): Promise<number> {
  const { lastCustomerInvoiceNumber } = await tx.organisation.update({
    where: { id: organisationId },
    data: { lastCustomerInvoiceNumber: { increment: 1 } },
    select: { lastCustomerInvoiceNumber: true },
  });
  return lastCustomerInvoiceNumber;
}

// A manager issues the organisation's invoice to its customer once the work is completed:
// the counted estimate lines at customer prices and any lines the manager adds, the
// organisation's legal details, issue and due dates, tax and totals by lib/money. It takes
// its number at issue and never changes afterwards. A correction names the issued invoice
// it replaces: that one is cancelled with the reason, in the same transaction, and both
// stay. A second issue while one stands is refused.
export async function issueCustomerInvoice(actor: TStaffActor, input: TIssueCustomerInvoiceInput) {
  return db.$transaction(async (tx) => {
    const locked = await lockEstimateWorkOrder(tx, actor, input.workOrderId);
    const workOrder = await tx.workOrder.findFirstOrThrow({
      where: { ...workOrderScope(actor), id: locked.id },
      select: {
        id: true,
        number: true,
        title: true,
        status: true,
        site: { select: { name: true, addressLine1: true, addressLine2: true, city: true, postcode: true } },
        customerContact: { select: { name: true, email: true, company: true } },
        assignments: { select: { status: true } },
        organisation: {
          select: {
            name: true,
            legalName: true,
            address: true,
            taxNumber: true,
            currency: true,
            timezone: true,
            customerMarkupPercent: true,
            customerInvoiceDueDays: true,
            defaultTaxPercent: true,
          },
        },
      },
    });
    const completed =
      workOrder.status === "COMPLETED" ||
      workOrder.assignments.some((task) => (DONE_TASKS as readonly string[]).includes(task.status));
    if (!completed) throw new AppError("CONFLICT", "The customer is invoiced once the work is completed.");
    const organisation = workOrder.organisation;
    if (!organisation.legalName || !organisation.address)
      throw new AppError(
        "CONFLICT",
        "Set the organisation's legal name and address in Settings first: an invoice must carry them.",
      );
    const standing = await tx.customerInvoice.findFirst({
      where: { workOrderId: workOrder.id, status: "ISSUED" },
      select: { id: true, number: true },
    });
    if (standing && standing.id !== input.replacesId)
      throw new AppError(
        "CONFLICT",
        `Invoice ${standing.number} stands for this work order: to correct it, cancel it and issue a new one.`,
      );
    if (input.replacesId && !standing) throw notFound("Invoice to correct");
    if (standing && !input.reason)
      throw invalidInput("Please correct the highlighted fields.", { reason: ["Say why the invoice is corrected"] });

    const currency = organisation.currency;
    const counted = await tx.estimateLine.findMany({
      where: { workOrderId: workOrder.id, ...countedLinesWhere(await readCountRule(tx, actor.organisationId)) },
      orderBy: { position: "asc" },
    });
    const lines = [
      ...counted.map((line) => ({
        description: line.description,
        quantity: line.quantity,
        unitCode: line.unitCode,
        unitPrice: customerUnitPrice(line.unitPrice, organisation.customerMarkupPercent, currency),
        taxPercent: line.taxPercent,
      })),
      ...input.lines.map((line) => ({ ...line, taxPercent: line.taxPercent ?? organisation.defaultTaxPercent })),
    ];
    if (lines.length === 0)
      throw invalidInput("Please correct the highlighted fields.", {
        lines: ["Nothing to invoice: no estimate line counts yet; add a line"],
      });
    const totals = sumLines(lines, currency);
    const at = now();
    const issueDay = dayInZone(at, organisation.timezone);
    const dueAt = new Date(`${issueDay}T00:00:00Z`);
    dueAt.setUTCDate(dueAt.getUTCDate() + organisation.customerInvoiceDueDays);
    if (standing)
      await tx.customerInvoice.update({
        where: { id: standing.id },
        data: { status: "CANCELLED", cancelledAt: at, cancelledById: actor.userId, cancelReason: input.reason },
      });
    const number = await nextCustomerInvoiceNumber(tx, actor.organisationId);
    const site = workOrder.site;
    const invoice = await tx.customerInvoice.create({
      data: {
        organisationId: actor.organisationId,
        workOrderId: workOrder.id,
        number,
        currency,
        issuedAt: at,
        dueAt,
        seller: { name: organisation.legalName, address: organisation.address, taxNumber: organisation.taxNumber },
        buyer: {
          name: workOrder.customerContact?.name ?? site.name,
          company: workOrder.customerContact?.company ?? null,
          email: workOrder.customerContact?.email ?? null,
          site: [site.name, site.addressLine1, site.addressLine2, site.city, site.postcode].filter(Boolean).join(", "),
        },
        net: moneyString(totals.net, currency),
        tax: moneyString(totals.tax, currency),
        gross: moneyString(totals.gross, currency),
        issuedById: actor.userId,
        replacesId: standing?.id,
        lines: {
          create: lines.map((line, position) => {
            const amounts = priceLine(line, currency);
            return {
              position,
              description: line.description,
              quantity: line.quantity.toString(),
              unitCode: line.unitCode,
              unitPrice: moneyString(line.unitPrice, currency),
              taxPercent: line.taxPercent.toString(),
              net: moneyString(amounts.net, currency),
              tax: moneyString(amounts.tax, currency),
            };
          }),
        },
      },
    });
    if (standing)
      await recordEvent(tx, {
        organisationId: actor.organisationId,
        workOrderId: workOrder.id,
        actor: { userId: actor.userId, label: actor.name },
        type: "customer_invoice.cancelled",
        data: { number: standing.number, reason: input.reason ?? "" },
      });
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: workOrder.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "customer_invoice.issued",
      data: { number, gross: invoice.gross.toString(), currency },
    });
    return invoice;
  });
}
