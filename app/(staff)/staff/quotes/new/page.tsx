import Link from "next/link";
import { notFound } from "next/navigation";
import { QuoteRequestForm } from "@/components/quotes/quote-request-form";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { getQuoteForm } from "@/lib/quotes/get-quote-form";
import { createQuoteRequestAction } from "../actions";

export const metadata = { title: "Ask for quotes · Fieldgate" };

export default async function NewQuoteRequestPage({
  searchParams,
}: {
  searchParams: Promise<{ workOrderId?: string | string[] }>;
}) {
  const { workOrderId } = await searchParams;
  const id = typeof workOrderId === "string" ? workOrderId : "";
  const actor = await requireStaffActor(`/staff/quotes/new?workOrderId=${encodeURIComponent(id)}`);
  if (!staffCan(actor, "quote.send")) notFound();
  const form = await getQuoteForm(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { workOrder } = form;
  return (
    <section className="card page-narrow">
      <Link href={`/staff/work-orders/${workOrder.id}`} className="back-link">
        ← Work order #{workOrder.number}
      </Link>
      <h1>Ask for quotes</h1>
      <p className="muted">
        #{workOrder.number} {workOrder.title} · {workOrder.site.name}, {workOrder.site.city}
        {workOrder.category ? ` · ${workOrder.category.name}` : ""}
      </p>
      <QuoteRequestForm
        action={createQuoteRequestAction}
        workOrderId={workOrder.id}
        zone={form.zone}
        currency={actor.organisationCurrency}
        defaultScope={workOrder.description ?? ""}
        contractors={form.contractors}
        canOverride={staffCan(actor, "compliance.override")}
      />
    </section>
  );
}
