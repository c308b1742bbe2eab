import Link from "next/link";
import { notFound } from "next/navigation";
import { ListTable } from "@/components/ui/list-table";
import { badgeCell, linkCell } from "@/components/ui/list-cell";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { listWorkOrderFormOptions } from "@/lib/work-orders/list-form-options";
import { listTenantRequests } from "@/lib/tenant-requests/list-tenant-requests";
import { formatMoment } from "@/lib/time/zones";
import { matchTenantRequestAction } from "./actions";

export const metadata = { title: "Tenant requests · Fieldgate" };

const STATE_WORDS = {
  UNMATCHED: { label: "To match", tone: "warning" },
  OPEN: { label: "Work order made", tone: "success" },
  CANCELLED: { label: "Cancelled by the tenant", tone: "neutral" },
} as const;

type TRow = Awaited<ReturnType<typeof listTenantRequests>>[number];

// Requests tenants sent through the forms: those from the organisation's form wait here
// until someone matches the address they typed to a site.
export default async function TenantRequestsPage({ searchParams }: { searchParams: Promise<{ show?: string }> }) {
  const actor = await requireStaffActor("/staff/tenant-requests");
  if (!staffCan(actor, "tenantRequest.triage")) notFound();
  const only = (await searchParams).show === "all" ? "all" : "unmatched";
  const [requests, { sites }] = await Promise.all([listTenantRequests(actor, only), listWorkOrderFormOptions(actor)]);
  const unmatched = requests.filter((r) => r.state === "UNMATCHED");
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Tenant requests</h1>
          <p className="muted">
            {only === "unmatched" ? "Requests waiting to be matched to a site." : "The newest 100 requests."}{" "}
            <Link href={only === "unmatched" ? "/staff/tenant-requests?show=all" : "/staff/tenant-requests"}>
              {only === "unmatched" ? "Show every request" : "Show those to match"}
            </Link>
            {staffCan(actor, "tenantRequest.settings") && (
              <>
                {" · "}
                <Link href="/staff/settings/tenant-requests">Forms, emergency questions and reminders</Link>
              </>
            )}
          </p>
        </div>
      </header>
      <ListTable<TRow>
        label="Tenant requests"
        testId="tenant-requests"
        rows={requests}
        rowKey={(r) => r.id}
        columns={[
          {
            key: "reference",
            header: "Request",
            primary: true,
            cell: (r) =>
              r.workOrder
                ? linkCell(`/staff/work-orders/${r.workOrder.id}`, `${r.reference} · #${r.workOrder.number}`)
                : r.reference,
          },
          { key: "tenant", header: "Tenant", cell: (r) => `${r.contact.name} <${r.contact.email}>` },
          {
            key: "where",
            header: "Where",
            cell: (r) => [r.site?.name ?? r.typedAddress, r.unit].filter(Boolean).join(", "),
          },
          {
            key: "what",
            header: "What",
            cell: (r) => `${r.emergency ? "EMERGENCY · " : ""}${r.category?.name ?? ""} ${r.description}`.trim(),
            clip: true,
          },
          { key: "state", header: "State", cell: (r) => badgeCell(STATE_WORDS[r.state]) },
          { key: "sent", header: "Sent", cell: (r) => formatMoment(r.createdAt, actor.organisationTimeZone) },
        ]}
        empty={{ title: only === "unmatched" ? "Nothing to match" : "No tenant requests yet" }}
      />
      {unmatched.map((r) => (
        <section key={r.id} className="card" aria-label={`Match ${r.reference}`}>
          <h2>
            Match {r.reference}: “{r.typedAddress}”
          </h2>
          <ActionForm action={matchTenantRequestAction} toast={`${r.reference} matched: its work order is made.`}>
            <input type="hidden" name="tenantRequestId" value={r.id} />
            <Field name="siteId" label="Site" inputId={`site-${r.id}`}>
              <select id={`site-${r.id}`} name="siteId" defaultValue="">
                <option value="">Choose the site…</option>
                {sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}, {s.city}
                  </option>
                ))}
              </select>
            </Field>
            <SubmitButton>Match and make the work order</SubmitButton>
          </ActionForm>
        </section>
      ))}
    </>
  );
}
