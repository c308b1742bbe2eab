import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { AppError, invalidInput } from "@/lib/errors";
import { formatMoney } from "@/lib/money/format-money";
import { recordEvent } from "@/lib/timeline/record-event";
import { approveInvoiceInTx } from "./approve-invoice-in-tx";
import { autoApprovalReason } from "./auto-approval-reason";
import { checkStoredInvoice } from "./check-stored-invoice";
import { assertInvoiceEditable, lockInvoice } from "./lock-invoice";
import { MAX_INVOICE_LINES, type TSubmitInvoiceInput } from "./schemas";
import { staffApproverEmails } from "./staff-approver-emails";

const INVOICEABLE = ["COMPLETED", "REVIEWED", "INVOICED"];

// Sends a draft (or a disputed invoice, revised) to the client. It is checked line by
// line now and kept as a revision; the client's approvers are emailed. Where the
// organisation allows it, an invoice with nothing flagged, its document attached and an
// approved estimate is approved at once, saying why. A second click finds it submitted.
export async function submitInvoice(actor: TDeskActor, input: TSubmitInvoiceInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const invoice = await lockInvoice(tx, actor, input.invoiceId);
    if (invoice.status === "SUBMITTED") return { status: invoice.status, differences: invoice.differences };
    assertInvoiceEditable(invoice);
    const task = await tx.assignment.findUniqueOrThrow({ where: { id: invoice.assignmentId } });
    if (!INVOICEABLE.includes(task.status))
      throw new AppError("INVALID_TRANSITION", "Submit the invoice once the task is completed.");
    const { differences, hasApprovedEstimate } = await checkStoredInvoice(tx, invoice.id);
    const lines = await tx.invoiceLine.findMany({ where: { invoiceId: invoice.id }, orderBy: { position: "asc" } });
    if (lines.length === 0) throw invalidInput("Add at least one line before you submit the invoice.");
    if (lines.length > MAX_INVOICE_LINES)
      throw invalidInput(`An invoice holds ${MAX_INVOICE_LINES} lines at most. Split it into two invoices.`);
    const unpriced = lines.filter((line) => line.unitPrice === null);
    if (unpriced.length > 0)
      throw invalidInput(
        `Enter a price for ${unpriced.map((line) => `line ${line.position} (${line.description})`).join(", ")}: no rate card priced it.`,
      );

    const revision = invoice.revision + 1;
    await tx.invoiceRevision.create({
      data: {
        invoiceId: invoice.id,
        revision,
        submittedAt: now,
        submittedById: actor.userId,
        lines: lines.map((line) => ({
          id: line.id,
          position: line.position,
          kind: line.kind,
          description: line.description,
          quantity: line.quantity.toString(),
          minutes: line.minutes,
          unitCode: line.unitCode,
          unitPrice: line.unitPrice!.toString(),
          taxPercent: line.taxPercent.toString(),
          estimateLineId: line.estimateLineId,
        })),
        net: invoice.net,
        tax: invoice.tax,
        gross: invoice.gross,
        differences,
      },
    });
    await tx.invoiceLine.updateMany({ where: { invoiceId: invoice.id }, data: { disputeReason: null } });
    const submitted = await tx.invoice.update({
      where: { id: invoice.id },
      data: {
        status: "SUBMITTED",
        revision,
        submittedAt: now,
        submittedById: actor.userId,
        differences,
        decidedAt: null,
        decidedById: null,
        decisionNote: null,
        version: { increment: 1 },
      },
    });
    const who = { userId: actor.userId, label: actor.name };
    await recordEvent(tx, {
      organisationId: invoice.organisationId,
      workOrderId: invoice.workOrderId,
      assignmentId: invoice.assignmentId,
      actor: who,
      type: "invoice.submitted",
      data: {
        number: invoice.number,
        revision,
        gross: invoice.gross.toString(),
        currency: invoice.currency,
        differences: differences.length,
      },
    });
    const company = await tx.contractorCompany.findUniqueOrThrow({ where: { id: invoice.contractorCompanyId } });
    for (const to of await staffApproverEmails(tx, invoice.organisationId))
      await enqueueEmail(tx, {
        to,
        organisationId: invoice.organisationId,
        template: "invoice-submitted",
        data: {
          companyName: company.name,
          number: invoice.number,
          revision,
          total: formatMoney(invoice.gross, invoice.currency),
          differences: differences.map((d) => d.reason),
          url: `${env.APP_URL}/staff/invoices/${invoice.id}`,
        },
      });

    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: invoice.organisationId } });
    const documents = await tx.attachment.findMany({ where: { invoiceId: invoice.id }, select: { filename: true } });
    if (organisation.invoiceAutoApprove && differences.length === 0 && documents.length > 0 && hasApprovedEstimate) {
      await approveInvoiceInTx(
        tx,
        submitted,
        { userId: null, label: "Fieldgate (auto-approval)" },
        "system",
        autoApprovalReason(organisation, documents[0].filename),
        now,
      );
      return { status: "APPROVED" as const, differences };
    }
    return { status: submitted.status, differences };
  });
}
