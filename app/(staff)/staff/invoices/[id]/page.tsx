import Link from "next/link";
import { notFound } from "next/navigation";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { InvoiceDecision } from "@/components/invoices/invoice-decision";
import { InvoiceHeader, InvoiceParties } from "@/components/invoices/invoice-header";
import { InvoiceLines } from "@/components/invoices/invoice-lines";
import { InvoiceRevisions } from "@/components/invoices/invoice-revisions";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { dayInZone } from "@/lib/time/zones";
import { approveInvoiceAction, disputeInvoiceAction, markInvoicePaidAction, rejectInvoiceAction } from "../../actions";

export const metadata = { title: "Invoice · Fieldgate" };

export default async function StaffInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffActor(`/staff/invoices/${id}`);
  if (!staffCan(actor, "invoice.read")) notFound();
  const invoice = await getInvoice(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const clock = await readReaderClock(actor.organisationTimeZone);
  return (
    <>
      <Link href="/staff/invoices" className="back-link">
        ← Invoices
      </Link>
      <InvoiceHeader
        invoice={invoice}
        workOrderHref={`/staff/work-orders/${invoice.workOrderId}`}
        actions={
          <a className="button button-secondary" href={`/api/staff/invoices/${invoice.id}/pdf`} download>
            Download PDF
          </a>
        }
      />
      {staffCan(actor, "invoice.decide") ? (
        <InvoiceDecision
          invoice={invoice}
          today={dayInZone(new Date(), actor.organisationTimeZone)}
          actions={{
            approve: approveInvoiceAction,
            dispute: disputeInvoiceAction,
            reject: rejectInvoiceAction,
            paid: markInvoicePaidAction,
          }}
        />
      ) : (
        invoice.status === "SUBMITTED" && <p className="muted">A manager or an admin decides on invoices.</p>
      )}
      <section className="card" aria-label="Lines">
        <h2>Lines</h2>
        <InvoiceLines invoice={invoice} />
      </section>
      <section className="card" aria-label="Invoice document">
        <h2>Contractor&apos;s invoice document</h2>
        {invoice.documents.length > 0 ? (
          <AttachmentList attachments={invoice.documents} clock={clock} />
        ) : (
          <p className="muted">None attached.</p>
        )}
      </section>
      <InvoiceParties invoice={invoice} />
      <InvoiceRevisions invoice={invoice} clock={clock} />
    </>
  );
}
