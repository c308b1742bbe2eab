import { notFound } from "next/navigation";
import { InvoiceList } from "@/components/invoices/invoice-list";
import { requireDeskActor } from "@/lib/auth/session";
import { deskCan } from "@/lib/authz/permissions";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { ZInvoiceListStatus } from "@/lib/invoices/schemas";

export const metadata = { title: "Invoices · Fieldgate Desk" };

export default async function DeskInvoicesPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string; after?: string }>;
}) {
  const actor = await requireDeskActor("/desk/invoices");
  if (!deskCan(actor, "invoice.read")) notFound();
  const query = await searchParams;
  const status = ZInvoiceListStatus.parse(query.status);
  const list = await listInvoices(actor, status, typeof query.after === "string" ? query.after : undefined);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Invoices</h1>
          <p className="muted">Your invoices to clients. Totals are per currency: clients pay in their own.</p>
        </div>
      </header>
      <InvoiceList list={list} status={status} basePath="/desk/invoices" side="desk" />
    </>
  );
}
