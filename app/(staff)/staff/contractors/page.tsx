import { StandingBadge } from "@/components/accreditations/standing-badge";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatCalendarDay } from "@/components/ui/format";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { accreditationStanding } from "@/lib/contractors/accreditation-status";
import { listNetwork } from "@/lib/contractors/list-network";
import { inviteContractorAction } from "../actions";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Contractors · Fieldgate" };

export default async function ContractorsPage() {
  const actor = await requireStaffActor("/staff/contractors");
  const network = await listNetwork(actor);
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
              {c.name} {c.invitedOnly && <small className="muted">(invited, not signed in yet)</small>}
            </h2>
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
            <p>People: {c.people.map((p) => `${p.user.name} (${p.role.toLowerCase()})`).join(", ") || "—"}</p>
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
