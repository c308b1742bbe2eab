import Link from "next/link";
import { notFound } from "next/navigation";
import { InvoiceList } from "@/components/invoices/invoice-list";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { ZInvoiceListStatus } from "@/lib/invoices/schemas";

export const metadata = { title: "Invoices · Fieldgate" };

export default async function StaffInvoicesPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; after?: string }>;
}) {
  const actor = await requireStaffActor("/staff/invoices");
  if (!staffCan(actor, "invoice.read")) notFound();
  const query = await searchParams;
  const status = ZInvoiceListStatus.parse(query.status);
  const list = await listInvoices(actor, status, typeof query.after === "string" ? query.after : undefined);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Invoices</h1>
          <p className="muted">
            Contractors&apos; invoices, checked against the estimate, the rate card and the work recorded.
          </p>
        </div>
        <div className="button-row">
          <a className="button button-secondary" href="/api/staff/invoices/export" download>
            Export approved (CSV)
          </a>
          {staffCan(actor, "invoice.settings") && (
            <Link className="button button-secondary" href="/staff/invoices/settings">
              Checks and auto-approval
            </Link>
          )}
        </div>
      </header>
      <InvoiceList list={list} status={status} basePath="/staff/invoices" side="staff" />
    </>
  );
}
