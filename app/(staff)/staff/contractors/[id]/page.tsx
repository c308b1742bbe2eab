import Link from "next/link";
import { notFound } from "next/navigation";
import { StandingBadge } from "@/components/accreditations/standing-badge";
import { formatCalendarDay, formatStamp } from "@/components/ui/format";
import { RecordHeader } from "@/components/ui/record-header";
import { SideSection } from "@/components/ui/record-body";
import { requireStaffActor } from "@/lib/auth/session";
import { accreditationStanding } from "@/lib/contractors/accreditation-status";
import { listNetwork } from "@/lib/contractors/list-network";
import { ID_PATTERN } from "@/lib/id-pattern";
import { networkStandingWords } from "@/lib/statuses/status-words";
import { readReaderClock } from "@/lib/time/read-reader-clock";

export const metadata = { title: "Contractor · Fieldgate" };

// One company of the network: how it performs for this organisation, its people and its
// accreditations with their certificates, and its rate cards.
export default async function ContractorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffActor(`/staff/contractors/${id}`);
  if (!ID_PATTERN.test(id)) notFound();
  const [[company], clock] = await Promise.all([listNetwork(actor, id), readReaderClock(actor.organisationTimeZone)]);
  if (!company) notFound();
  const now = new Date();
  return (
    <>
      <Link href="/staff/contractors" className="back-link">
        ← Contractors
      </Link>
      <RecordHeader
        eyebrow="Contractor"
        title={company.name}
        status={networkStandingWords(company.standing)}
        detail={
          company.lastSignInAt
            ? `Last signed in ${formatStamp(company.lastSignInAt, clock)}`
            : "No one from the company has signed in yet"
        }
        facts={[
          { label: "Tasks offered", value: company.tasksOffered },
          {
            label: "Time to accept",
            value: company.averageHoursToAccept == null ? "—" : `${company.averageHoursToAccept.toFixed(1)} h`,
          },
          { label: "On time", value: company.onTimeRate == null ? "—" : `${Math.round(company.onTimeRate * 100)}%` },
          {
            label: "Accreditations",
            value: company.accreditationStanding ? (
              <StandingBadge standing={company.accreditationStanding} />
            ) : (
              "None recorded"
            ),
          },
        ]}
        actions={
          <Link className="button button-secondary" href={`/staff/contractors/${company.id}/rates`}>
            Rate cards
          </Link>
        }
      />
      <div className="record-body">
        <div className="record-main">
          <section className="card" aria-label={`Accreditations of ${company.name}`}>
            <h2>Accreditations</h2>
            {company.accreditations.length === 0 && <p className="muted">None recorded.</p>}
            <ul className="accreditations">
              {company.accreditations.map((a) => (
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
          </section>
          <section className="card" aria-label={`People of ${company.name}`}>
            <h2>People</h2>
            <ul className="people-list">
              {company.people.map((p) => (
                <li key={p.id}>
                  <span>
                    {p.user.name} <span className="muted">({p.role.toLowerCase()})</span>
                  </span>
                  <span className="muted">
                    {p.user.lastSignInAt
                      ? `last signed in ${formatStamp(p.user.lastSignInAt, clock)}`
                      : "not signed in yet"}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <aside className="record-side">
          <SideSection title="Contact">
            <dl className="details details-stacked" aria-label={`Contact details of ${company.name}`}>
              <dt>Email</dt>
              <dd>
                <a href={`mailto:${company.email}`}>{company.email}</a>
              </dd>
              <dt>Phone</dt>
              <dd>{company.phone ?? "—"}</dd>
              <dt>Address</dt>
              <dd className="prewrap">{company.address ?? "—"}</dd>
            </dl>
          </SideSection>
        </aside>
      </div>
    </>
  );
}
