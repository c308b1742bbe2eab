import Link from "next/link";
import { notFound } from "next/navigation";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { InvoiceHeader, InvoiceParties } from "@/components/invoices/invoice-header";
import { InvoiceLineForm } from "@/components/invoices/invoice-line-form";
import { InvoiceLines } from "@/components/invoices/invoice-lines";
import { InvoiceRevisions } from "@/components/invoices/invoice-revisions";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { DialogButton } from "@/components/ui/dialog";
import { FileInput } from "@/components/ui/file-input";
import { requireDeskActor } from "@/lib/auth/session";
import { deskCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import {
  attachInvoiceDocumentAction,
  removeInvoiceLineAction,
  saveInvoiceLineAction,
  submitInvoiceAction,
} from "../../actions";

export const metadata = { title: "Invoice · Fieldgate Desk" };

export default async function DeskInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireDeskActor(`/desk/invoices/${id}`);
  const invoice = await getInvoice(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const clock = await readReaderClock("Europe/London");
  const editable =
    ["DRAFT", "DISPUTED"].includes(invoice.status) && deskCan(actor, "invoice.write", invoice.contractorCompanyId);
  const taxDefault = invoice.organisation.defaultTaxPercent.toString();
  const lineForm = (line?: (typeof invoice.lines)[number]) => (
    <InvoiceLineForm
      invoiceId={invoice.id}
      currency={invoice.currency}
      defaultTaxPercent={taxDefault}
      estimateLines={invoice.approvedEstimate}
      line={line}
      action={saveInvoiceLineAction}
    />
  );
  return (
    <>
      <Link href="/desk/invoices" className="back-link">
        ← Invoices
      </Link>
      <InvoiceHeader
        invoice={invoice}
        workOrderHref={`/desk/tasks/${invoice.assignmentId}`}
        actions={
          <a className="button button-secondary" href={`/api/desk/invoices/${invoice.id}/pdf`} download>
            Download PDF
          </a>
        }
      />
      {invoice.status === "DISPUTED" && (
        <p className="alert alert-warning">
          {invoice.organisation.name} disputed lines of this invoice: change them (or remove them) and submit it again.
        </p>
      )}
      <section className="card" aria-label="Lines">
        <h2>Lines</h2>
        <InvoiceLines
          invoice={invoice}
          actions={
            editable
              ? (line) => (
                  <div className="button-row">
                    <DialogButton label="Edit…" title={`Line ${line.position}: ${line.description}`}>
                      {lineForm(line)}
                    </DialogButton>
                    <ActionForm action={removeInvoiceLineAction} className="inline-form" toast="Line removed.">
                      <input type="hidden" name="invoiceId" value={invoice.id} />
                      <input type="hidden" name="lineId" value={line.id} />
                      <SubmitButton variant="secondary">Remove</SubmitButton>
                    </ActionForm>
                  </div>
                )
              : undefined
          }
        />
        {editable && (
          <DialogButton label="Add a line…" title="Add a line">
            {lineForm()}
          </DialogButton>
        )}
      </section>
      <section className="card" aria-label="Invoice document">
        <h2>Your invoice document</h2>
        {invoice.documents.length > 0 ? (
          <AttachmentList attachments={invoice.documents} clock={clock} />
        ) : (
          <p className="muted">None attached. Attach the invoice from your accounting system as a PDF or a photo.</p>
        )}
        {editable && (
          <ActionForm
            action={attachInvoiceDocumentAction}
            successMessage="Document attached."
            testId="invoice-document-form"
          >
            <input type="hidden" name="invoiceId" value={invoice.id} />
            <Field name="file" label="Invoice document (PDF or photo, up to 25 MB)" inputId="invoice-document">
              <FileInput id="invoice-document" name="file" />
            </Field>
            <SubmitButton variant="secondary">Attach</SubmitButton>
          </ActionForm>
        )}
      </section>
      {editable && (
        <section className="card" aria-label="Submit">
          <h2>{invoice.status === "DISPUTED" ? "Submit the revision" : "Submit to the client"}</h2>
          <p className="muted">
            {invoice.organisation.name} receives it checked line by line against the approved estimate, the
            not-to-exceed amount, your rate card and the time and costs recorded. It cannot be changed once submitted
            unless they dispute it.
          </p>
          <ActionForm action={submitInvoiceAction} toast="Invoice submitted." testId="invoice-submit-form">
            <input type="hidden" name="invoiceId" value={invoice.id} />
            <SubmitButton>{invoice.status === "DISPUTED" ? "Submit revision" : "Submit invoice"}</SubmitButton>
          </ActionForm>
        </section>
      )}
      <InvoiceParties invoice={invoice} />
      <InvoiceRevisions invoice={invoice} clock={clock} />
    </>
  );
}
