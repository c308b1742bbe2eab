import { notFound } from "next/navigation";
import { readRequestForm } from "@/lib/tenant-requests/read-request-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Request sent · Fieldgate", referrer: "no-referrer", robots: { index: false } };

// After sending: the reference, and for an emergency the number to call, at once.
export default async function RequestSentPage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<{ ref?: string; emergency?: string }>;
}) {
  const [{ key }, query] = await Promise.all([params, searchParams]);
  const form = await readRequestForm(key);
  if (!form) notFound();
  const reference = /^R-[A-Z0-9]{6}$/.test(query.ref ?? "") ? query.ref : null;
  const phone = query.emergency === "1" ? form.organisation.emergencyPhone : null;
  return (
    <div className="page-narrow">
      <section className="card" data-testid="request-sent">
        <p className="muted">{form.organisation.name}</p>
        <h1>Thank you, your request is in</h1>
        {phone && (
          <p className="alert alert-error" role="alert" data-testid="emergency-phone">
            You said this is an emergency. Call <a href={`tel:${phone.replace(/\s/g, "")}`}>{phone}</a> now.
          </p>
        )}
        {reference && (
          <p>
            Its reference is <strong>{reference}</strong>.
          </p>
        )}
        <p>
          We emailed you a link to follow it: who will come, and when. Through it you can change when you are available
          or cancel the request.
        </p>
      </section>
    </div>
  );
}
