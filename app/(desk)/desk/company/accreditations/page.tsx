import { FileInput } from "@/components/ui/file-input";
import { notFound } from "next/navigation";
import { StandingBadge } from "@/components/accreditations/standing-badge";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatCalendarDay } from "@/components/ui/format";
import { listCompanyAccreditations } from "@/lib/accreditations/list-company-accreditations";
import { requireDeskActor } from "@/lib/auth/session";
import { addAccreditationAction, removeAccreditationAction, renewAccreditationAction } from "../actions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata = { title: "Accreditations · Fieldgate Desk" };

const CERTIFICATE_TYPES = "application/pdf,image/jpeg,image/png,image/webp,image/heic";

type TCompany = Awaited<ReturnType<typeof listCompanyAccreditations>>[number];
type TAccreditation = TCompany["accreditations"][number];

function CertificateLink({ document }: { document: { id: string; filename: string } | null }) {
  return document ? <a href={`/api/files/${document.id}`}>{document.filename}</a> : <span className="muted">none</span>;
}

function RenewForm({ accreditation: a }: { accreditation: TAccreditation }) {
  const id = (field: string) => `${a.id}-${field}`;
  return (
    <details>
      <summary>Renew</summary>
      <ActionForm action={renewAccreditationAction} successMessage="Renewed." testId={`renew-${a.id}`}>
        <input type="hidden" name="accreditationId" value={a.id} />
        <Field name="issuedAt" label="Issued on" inputId={id("issuedAt")}>
          <input id={id("issuedAt")} name="issuedAt" type="date" />
        </Field>
        <Field name="expiresAt" label="New expiry date" inputId={id("expiresAt")}>
          <input id={id("expiresAt")} name="expiresAt" type="date" />
        </Field>
        <Field name="reference" label="Reference" hint="Leave blank to keep the current one" inputId={id("reference")}>
          <input id={id("reference")} name="reference" placeholder={a.reference ?? ""} />
        </Field>
        <Field name="file" label="New certificate" inputId={id("file")}>
          <FileInput id={id("file")} name="file" accept={CERTIFICATE_TYPES} />
        </Field>
        <SubmitButton>Save renewal</SubmitButton>
      </ActionForm>
    </details>
  );
}

function RemoveForm({ accreditation: a }: { accreditation: TAccreditation }) {
  return (
    <details>
      <summary>Remove</summary>
      <ActionForm action={removeAccreditationAction} testId={`remove-${a.id}`}>
        <input type="hidden" name="accreditationId" value={a.id} />
        <p className="muted">Removes it with its earlier versions and every certificate.</p>
        <SubmitButton variant="danger">Remove {a.type}</SubmitButton>
      </ActionForm>
    </details>
  );
}

function AccreditationRows({ company }: { company: TCompany }) {
  return company.accreditations.map((a) => (
    <tr key={a.id}>
      <td>{a.type}</td>
      <td>{a.person ? a.person.user.name : <span className="muted">Company-wide</span>}</td>
      <td>{a.reference ?? "—"}</td>
      <td>{formatCalendarDay(a.issuedAt)}</td>
      <td>{formatCalendarDay(a.expiresAt)}</td>
      <td>
        <StandingBadge standing={a.standing} />
      </td>
      <td>
        <CertificateLink document={a.document} />
        {a.history.length > 0 && (
          <details>
            <summary>Earlier ({a.history.length})</summary>
            <ul className="attachments" aria-label={`Earlier versions of ${a.type}`}>
              {a.history.map((earlier) => (
                <li key={earlier.id}>
                  {formatCalendarDay(earlier.issuedAt)} to {formatCalendarDay(earlier.expiresAt)}:{" "}
                  <CertificateLink document={earlier.document} />
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
      {company.canManage && (
        <td>
          <RenewForm accreditation={a} />
          <RemoveForm accreditation={a} />
        </td>
      )}
    </tr>
  ));
}

function AddForm({ company }: { company: TCompany }) {
  const id = (field: string) => `${company.id}-add-${field}`;
  return (
    <section className="card">
      <h2>Add an accreditation</h2>
      <ActionForm
        action={addAccreditationAction}
        successMessage="Accreditation added."
        testId={`add-accreditation-${company.id}`}
      >
        <input type="hidden" name="companyId" value={company.id} />
        <Field
          name="type"
          label="Accreditation"
          hint="e.g. Gas Safe registration, public liability insurance"
          inputId={id("type")}
        >
          <input id={id("type")} name="type" />
        </Field>
        <Field name="holderId" label="Held by" inputId={id("holderId")}>
          <select id={id("holderId")} name="holderId" defaultValue="">
            <option value="">The company</option>
            {company.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.user.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="reference" label="Reference" inputId={id("reference")}>
          <input id={id("reference")} name="reference" />
        </Field>
        <Field name="issuedAt" label="Issued on" inputId={id("issuedAt")}>
          <input id={id("issuedAt")} name="issuedAt" type="date" />
        </Field>
        <Field name="expiresAt" label="Expires on" inputId={id("expiresAt")}>
          <input id={id("expiresAt")} name="expiresAt" type="date" />
        </Field>
        <Field name="file" label="Certificate" hint="PDF or photo, up to 25 MB" inputId={id("file")}>
          <FileInput id={id("file")} name="file" accept={CERTIFICATE_TYPES} />
        </Field>
        <SubmitButton>Add accreditation</SubmitButton>
      </ActionForm>
    </section>
  );
}

export default async function AccreditationsPage() {
  const actor = await requireDeskActor("/desk/company/accreditations");
  const companies = await listCompanyAccreditations(actor);
  if (companies.length === 0) notFound();
  return companies.map((company) => (
    // The table is wide; the add form goes below it rather than beside it.
    <div key={company.id}>
      <section>
        <h1>Accreditations{companies.length > 1 ? ` · ${company.name}` : ""}</h1>
        {company.accreditations.length === 0 ? (
          <p className="muted">No accreditations recorded yet.</p>
        ) : (
          <TableScroll label={`Accreditations of ${company.name}`}>
            <table className="table" aria-label={`Accreditations of ${company.name}`}>
              <thead>
                <tr>
                  <th>Accreditation</th>
                  <th>Held by</th>
                  <th>Reference</th>
                  <th>Issued</th>
                  <th>Expires</th>
                  <th>Status</th>
                  <th>Certificate</th>
                  {company.canManage && <th>Change</th>}
                </tr>
              </thead>
              <tbody>
                <AccreditationRows company={company} />
              </tbody>
            </table>
          </TableScroll>
        )}
        {!company.canManage && (
          <p className="muted">Only the company&apos;s admins can add, renew or remove accreditations.</p>
        )}
      </section>
      {company.canManage && <AddForm company={company} />}
    </div>
  ));
}
