import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatStamp } from "@/components/ui/format";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { requireDeskActor } from "@/lib/auth/session";
import { deskCompaniesWith } from "@/lib/authz/permissions";
import { listCompanyPeople } from "@/lib/people/company-people";
import { notFound } from "next/navigation";
import { addPersonAction, resetPasswordAction, updatePersonAction } from "../actions";
import { TableScroll } from "@/components/ui/table-scroll";
import { DialogButton } from "@/components/ui/dialog";

export const metadata = { title: "Company · Fieldgate Desk" };

const ROLES = [
  { value: "ADMIN", label: "Admin" },
  { value: "OFFICE", label: "Office" },
  { value: "TECHNICIAN", label: "Technician" },
];

export default async function CompanyPage() {
  const actor = await requireDeskActor("/desk/company");
  const companies = deskCompaniesWith(actor, "company.manage");
  if (companies.length === 0) notFound();
  const [people, clock] = await Promise.all([listCompanyPeople(actor), readReaderClock("UTC")]);
  return (
    <div className="two-columns">
      <section>
        <h1>People</h1>
        <TableScroll label="People">
          <table className="table" aria-label="People">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role and status</th>
                <th>Last sign-in</th>
                <th>Password</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id} className={p.active ? undefined : "muted"}>
                  <td>
                    {p.user.name}
                    {companies.length > 1 && <small className="muted"> · {p.contractorCompany.name}</small>}
                    {p.pending && <small className="muted"> · invited, not accepted yet</small>}
                  </td>
                  <td>{p.user.email}</td>
                  <td>
                    <ActionForm action={updatePersonAction} className="inline-form" testId={`person-${p.user.email}`}>
                      <input type="hidden" name="personId" value={p.id} />
                      <select name="role" defaultValue={p.role} aria-label={`Role of ${p.user.name}`}>
                        {ROLES.map((r) => (
                          <option key={r.value} value={r.value}>
                            {r.label}
                          </option>
                        ))}
                      </select>
                      {p.pending ? (
                        <input type="hidden" name="active" value="false" />
                      ) : (
                        <select name="active" defaultValue={String(p.active)} aria-label={`Status of ${p.user.name}`}>
                          <option value="true">Active</option>
                          <option value="false">Deactivated</option>
                        </select>
                      )}
                      <SubmitButton variant="secondary">Save</SubmitButton>
                    </ActionForm>
                  </td>
                  <td>{formatStamp(p.user.lastSignInAt, clock)}</td>
                  <td>
                    {p.passwordIsCompanys && p.hasPassword ? (
                      <DialogButton label="Reset password…" title={`Reset ${p.user.name}'s password?`}>
                        <p className="muted">
                          Their password is cleared and they are signed out everywhere. They are emailed a link to sign
                          in and can set a new password.
                        </p>
                        <ActionForm
                          action={resetPasswordAction}
                          testId={`reset-${p.user.email}`}
                          toast={`Password cleared; ${p.user.name} was signed out and emailed a sign-in link.`}
                        >
                          <input type="hidden" name="personId" value={p.id} />
                          <SubmitButton variant="danger">Reset password</SubmitButton>
                        </ActionForm>
                      </DialogButton>
                    ) : p.passwordIsCompanys ? (
                      <span className="muted">Link only</span>
                    ) : (
                      <span className="muted">{p.hasPassword ? "Set (they manage it)" : "Link only"}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="card">
        <h2>Add a person</h2>
        <ActionForm
          action={addPersonAction}
          successMessage="Done: someone new was emailed a sign-in link; someone who already uses Fieldgate was invited and joins when they accept."
          testId="add-person-form"
        >
          {companies.length === 1 ? (
            <input type="hidden" name="companyId" value={companies[0].companyId} />
          ) : (
            <Field name="companyId" label="Company">
              <select id="companyId" name="companyId">
                {companies.map((c) => (
                  <option key={c.companyId} value={c.companyId}>
                    {c.companyName}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field name="name" label="Name">
            <input id="name" name="name" />
          </Field>
          <Field name="email" label="Email">
            <input id="email" name="email" type="email" />
          </Field>
          <Field name="role" label="Role">
            <select id="role" name="role" defaultValue="">
              <option value="">Choose…</option>
              {ROLES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          </Field>
          <SubmitButton>Add person</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
