import { DialogButton } from "@/components/ui/dialog";
import { ListTable } from "@/components/ui/list-table";
import { FileInput } from "@/components/ui/file-input";
import { notFound } from "next/navigation";
import { StandingBadge } from "@/components/accreditations/standing-badge";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatCalendarDay } from "@/components/ui/format";
import { listCompanyAccreditations } from "@/lib/accreditations/list-company-accreditations";
import { requireDeskActor } from "@/lib/auth/session";
import { addAccreditationAction, removeAccreditationAction, renewAccreditationAction } from "../actions";

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
    <DialogButton label="Renew…" title={`Renew ${a.type}`} variant="ghost" ariaLabel={`Renew ${a.type}`}>
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
    </DialogButton>
  );
}

function RemoveForm({ accreditation: a }: { accreditation: TAccreditation }) {
  return (
    <DialogButton label="Remove…" title={`Remove ${a.type}?`} variant="ghost" ariaLabel={`Remove ${a.type}`}>
      <ActionForm action={removeAccreditationAction} testId={`remove-${a.id}`} toast={`${a.type} removed.`}>
        <input type="hidden" name="accreditationId" value={a.id} />
        <p className="muted">Removes it with its earlier versions and every certificate.</p>
        <SubmitButton variant="danger">Remove {a.type}</SubmitButton>
      </ActionForm>
    </DialogButton>
  );
}

// Each current accreditation, with its earlier versions folded under its certificate.
function AccreditationTable({ company }: { company: TCompany }) {
  return (
    <ListTable
      label={`Accreditations of ${company.name}`}
      rows={company.accreditations}
      rowKey={(a) => a.id}
      empty={{ title: "No accreditations recorded yet" }}
      columns={[
        { key: "type", header: "Accreditation", primary: true, cell: (a) => a.type },
        {
          key: "holder",
          header: "Held by",
          cell: (a) => (a.person ? a.person.user.name : <span className="muted">Company-wide</span>),
        },
        { key: "reference", header: "Reference", phone: false, cell: (a) => a.reference ?? "—" },
        {
          key: "issued",
          header: "Issued",
          className: "nowrap",
          phone: false,
          cell: (a) => formatCalendarDay(a.issuedAt),
        },
        { key: "expires", header: "Expires", className: "nowrap", cell: (a) => formatCalendarDay(a.expiresAt) },
        { key: "status", header: "Status", cell: (a) => <StandingBadge standing={a.standing} /> },
        {
          key: "certificate",
          header: "Certificate",
          cell: (a) => (
            <>
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
            </>
          ),
        },
        ...(company.canManage
          ? [
              {
                key: "change",
                header: "Change",
                cell: (a: TAccreditation) => (
                  <div className="button-row">
                    <RenewForm accreditation={a} />
                    <RemoveForm accreditation={a} />
                  </div>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function AddForm({ company }: { company: TCompany }) {
  const id = (field: string) => `${company.id}-add-${field}`;
  return (
    <DialogButton label="Add an accreditation…" title="Add an accreditation" variant="primary">
      <ActionForm
        action={addAccreditationAction}
        successMessage="Accreditation added."
        testId={`add-accreditation-${company.id}`}
      >
        <input type="hidden" name="companyId" value={company.id} />
        <Field
          name="type"
          label="Accreditation"
          hint={
            company.documentsAsked.length
              ? `Your clients ask for: ${company.documentsAsked.join(", ")}. Use their name so it counts for their work.`
              : "e.g. Gas Safe registration, public liability insurance"
          }
          inputId={id("type")}
        >
          <input id={id("type")} name="type" list={id("types")} autoComplete="off" />
        </Field>
        <datalist id={id("types")}>
          {company.documentsAsked.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
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
    </DialogButton>
  );
}

export default async function AccreditationsPage() {
  const actor = await requireDeskActor("/desk/company/accreditations");
  const companies = await listCompanyAccreditations(actor);
  if (companies.length === 0) notFound();
  return companies.map((company) => (
    <section key={company.id} aria-label={`Accreditations of ${company.name}`}>
      <header className="page-header">
        <h1>Accreditations{companies.length > 1 ? ` · ${company.name}` : ""}</h1>
        {company.canManage && (
          <div className="actions">
            <AddForm company={company} />
          </div>
        )}
      </header>
      <AccreditationTable company={company} />
      {!company.canManage && (
        <p className="muted">Only the company&apos;s admins can add, renew or remove accreditations.</p>
      )}
    </section>
  ));
}
