import { StandingBadge } from "@/components/accreditations/standing-badge";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatCalendarDay, formatStamp } from "@/components/ui/format";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { accreditationStanding } from "@/lib/contractors/accreditation-status";
import { listNetwork } from "@/lib/contractors/list-network";
import { inviteContractorAction } from "../actions";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "next/link";

const STANDING = {
  active: { label: "Active", tone: "success" },
  invited: { label: "Invited, not signed in yet", tone: "warning" },
  suspended: { label: "Suspended", tone: "neutral" },
} as const;

export const metadata = { title: "Contractors · Fieldgate" };

export default async function ContractorsPage() {
  const actor = await requireStaffActor("/staff/contractors");
  const [network, clock] = await Promise.all([listNetwork(actor), readReaderClock(actor.organisationTimeZone)]);
  const now = new Date();
  return (
    <div className="two-columns">
      <section>
        <h1>Contractor network</h1>
        {network.length === 0 && (
          <EmptyState title="No contractors yet">
            Invite the first one: their admin gets an email with a sign-in link.
          </EmptyState>
        )}
        {network.map((c) => (
          <article key={c.id} className="card" aria-label={c.name}>
            <h2>
              {c.name} <span className={`badge badge-${STANDING[c.standing].tone}`}>{STANDING[c.standing].label}</span>
            </h2>
            <p>
              <Link href={`/staff/contractors/${c.id}/rates`}>Rate cards</Link>
            </p>
            <p className="muted" data-testid="last-sign-in">
              {c.lastSignInAt
                ? `Last signed in ${formatStamp(c.lastSignInAt, clock)}`
                : "No one from the company has signed in yet"}
            </p>
            <p className="muted">
              {c.tasksOffered} tasks offered · average time to accept{" "}
              {c.averageHoursToAccept == null ? "—" : `${c.averageHoursToAccept.toFixed(1)} h`} · on time{" "}
              {c.onTimeRate == null ? "—" : `${Math.round(c.onTimeRate * 100)}%`}
            </p>
            <dl className="details" aria-label={`Contact details of ${c.name}`}>
              <dt>Email</dt>
              <dd>
                <a href={`mailto:${c.email}`}>{c.email}</a>
              </dd>
              <dt>Phone</dt>
              <dd>{c.phone ?? "—"}</dd>
              <dt>Address</dt>
              <dd className="prewrap">{c.address ?? "—"}</dd>
            </dl>
            <h3>People</h3>
            <ul aria-label={`People of ${c.name}`}>
              {c.people.map((p) => (
                <li key={p.id}>
                  {p.user.name} ({p.role.toLowerCase()}) ·{" "}
                  <span className="muted">
                    {p.user.lastSignInAt
                      ? `last signed in ${formatStamp(p.user.lastSignInAt, clock)}`
                      : "not signed in yet"}
                  </span>
                </li>
              ))}
            </ul>
            <ul className="accreditations" aria-label={`Accreditations of ${c.name}`}>
              {c.accreditations.map((a) => (
                <li key={a.id} className={a.expiresAt <= now ? "text-danger" : undefined}>
                  {a.type}
                  {a.person ? ` (${a.person.user.name})` : ""}
                  {a.reference ? ` · ${a.reference}` : ""}: {a.expiresAt <= now ? "expired" : "valid until"}{" "}
                  {formatCalendarDay(a.expiresAt)}{" "}
                  {accreditationStanding(a.expiresAt, now) === "expiring" && <StandingBadge standing="expiring" />}
                  {a.documentId && (
                    <>
                      {" "}
                      <a
                        href={`/api/files/${a.documentId}`}
                        aria-label={`Certificate: ${a.type}${a.person ? ` (${a.person.user.name})` : ""}`}
                      >
                        Certificate
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>
      {staffCan(actor, "contractor.invite") && (
        <section className="card">
          <h2>Invite a contractor</h2>
          <ActionForm
            action={inviteContractorAction}
            successMessage="Invited; their admin has been emailed a sign-in link."
            testId="invite-form"
          >
            <Field name="companyName" label="Company name">
              <input id="companyName" name="companyName" />
            </Field>
            <Field name="adminName" label="Contact name">
              <input id="adminName" name="adminName" />
            </Field>
            <Field name="adminEmail" label="Contact email">
              <input id="adminEmail" name="adminEmail" type="email" />
            </Field>
            <SubmitButton>Invite</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
