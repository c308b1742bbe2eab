import { notFound } from "next/navigation";
import { RequestForm } from "@/components/tenant-requests/request-form";
import { readRequestForm } from "@/lib/tenant-requests/read-request-form";
import { zoneName } from "@/lib/time/zones";
import { submitRequestAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Report a repair · Fieldgate", referrer: "no-referrer", robots: { index: false } };

// The tenant's request form (no account): a site's, with the building fixed, or the
// organisation's, where the tenant types the address.
export default async function TenantRequestPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const form = await readRequestForm(key);
  if (!form) notFound();
  return (
    <div className="page-narrow">
      <section className="card">
        <p className="muted">{form.organisation.name}</p>
        <h1>Report a repair</h1>
        {form.site ? (
          <p>
            For <strong>{form.site.name}</strong>, {form.site.address}.
          </p>
        ) : (
          <p>Tell us where and what is wrong. We email you a link to follow it.</p>
        )}
        {form.organisation.emergencyPhone && (
          <p className="alert alert-warning">
            Danger to people or property (a gas smell, a flood, no heating in winter)? Call{" "}
            <a href={`tel:${form.organisation.emergencyPhone.replace(/\s/g, "")}`}>
              {form.organisation.emergencyPhone}
            </a>{" "}
            now, then send this form.
          </p>
        )}
        <RequestForm
          action={submitRequestAction.bind(null, key)}
          withAddress={form.kind === "organisation"}
          trades={form.trades}
          zoneName={zoneName(form.zone)}
        />
      </section>
    </div>
  );
}
