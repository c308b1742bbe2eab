import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { withStoredUpload } from "@/lib/attachments/store-upload";
import { invoiceScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { assertInvoiceEditable, lockInvoice } from "./lock-invoice";
import type { TInvoiceDocumentInput } from "./schemas";

const PDF_OR_IMAGE = {
  accepts: (type: string) => type === "application/pdf" || type.startsWith("image/"),
  refusal: "Attach the invoice as a PDF or a photo",
};

// The contractor's own invoice document (its PDF from its accounting system), checked by
// its bytes and kept with the invoice and the task's documents.
export async function attachInvoiceDocument(actor: TDeskActor, input: TInvoiceDocumentInput) {
  const invoice = await db.invoice.findFirst({
    where: { ...invoiceScope(actor, "invoice.write"), id: input.invoiceId },
  });
  if (!invoice) throw notFound("Invoice");
  assertInvoiceEditable(invoice);
  return withStoredUpload(input.file, invoice.organisationId, PDF_OR_IMAGE, (upload) =>
    db.$transaction(async (tx) => {
      assertInvoiceEditable(await lockInvoice(tx, actor, invoice.id));
      const attachment = await tx.attachment.create({
        data: {
          ...upload,
          organisationId: invoice.organisationId,
          workOrderId: invoice.workOrderId,
          assignmentId: invoice.assignmentId,
          invoiceId: invoice.id,
          kind: "INVOICE",
          uploadedById: actor.userId,
        },
      });
      await recordEvent(tx, {
        organisationId: invoice.organisationId,
        workOrderId: invoice.workOrderId,
        assignmentId: invoice.assignmentId,
        actor: { userId: actor.userId, label: actor.name },
        type: "attachment.uploaded",
        data: { filename: upload.filename, kind: "INVOICE" },
      });
      return attachment;
    }),
  );
}
