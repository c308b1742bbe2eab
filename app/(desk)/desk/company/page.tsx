import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatStamp } from "@/components/ui/format";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { requireDeskActor } from "@/lib/auth/session";
import { deskCompaniesWith } from "@/lib/authz/permissions";
import { listCompanyPeople } from "@/lib/people/company-people";
import { notFound } from "next/navigation";
import { addPersonAction, resetPasswordAction, updatePersonAction } from "../actions";
import { ListTable } from "@/components/ui/list-table";
import { StatusBadge } from "@/components/ui/status-badge";
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
  const multiCompany = companies.length > 1;
  return (
    <>
      <header className="page-header">
        <h1>People</h1>
        <div className="actions">
          <DialogButton label="Add a person…" title="Add a person" variant="primary">
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
          </DialogButton>
        </div>
      </header>
      <ListTable
        label="People"
        rows={people}
        rowKey={(p) => p.id}
        empty={{ title: "No one yet", text: "Add the people of your office and your technicians." }}
        columns={[
          {
            key: "name",
            header: "Name",
            primary: true,
            cell: (p) => (
              <>
                {p.user.name}
                {multiCompany && <small className="muted"> · {p.contractorCompany.name}</small>}
                {p.pending && <small className="muted"> · invited, not accepted yet</small>}
              </>
            ),
          },
          { key: "email", header: "Email", clip: true, cell: (p) => p.user.email },
          { key: "role", header: "Role", cell: (p) => ROLES.find((r) => r.value === p.role)?.label ?? p.role },
          {
            key: "status",
            header: "Status",
            cell: (p) => (
              <StatusBadge
                words={
                  p.pending
                    ? { label: "Invited", tone: "warning" }
                    : p.active
                      ? { label: "Active", tone: "success" }
                      : { label: "Deactivated", tone: "neutral" }
                }
              />
            ),
          },
          {
            key: "signIn",
            header: "Last sign-in",
            className: "nowrap",
            phone: false,
            cell: (p) => formatStamp(p.user.lastSignInAt, clock),
          },
          {
            key: "signsInWith",
            header: "Signs in with",
            phone: false,
            cell: (p) => (p.hasPassword ? "Password or link" : "Link only"),
          },
          {
            key: "actions",
            header: "Actions",
            cell: (p) => (
              <div className="button-row">
                <DialogButton
                  label="Edit…"
                  title={`Edit ${p.user.name}`}
                  ariaLabel={`Edit ${p.user.name}`}
                  variant="ghost"
                >
                  <ActionForm
                    action={updatePersonAction}
                    testId={`person-${p.user.email}`}
                    successMessage={`${p.user.name} saved.`}
                  >
                    <input type="hidden" name="personId" value={p.id} />
                    <Field name="role" label="Role" inputId={`role-${p.id}`}>
                      <select id={`role-${p.id}`} name="role" defaultValue={p.role}>
                        {ROLES.map((r) => (
                          <option key={r.value} value={r.value}>
                            {r.label}
                          </option>
                        ))}
                      </select>
                    </Field>
                    {p.pending ? (
                      <input type="hidden" name="active" value="false" />
                    ) : (
                      <Field name="active" label="Status" inputId={`active-${p.id}`}>
                        <select id={`active-${p.id}`} name="active" defaultValue={String(p.active)}>
                          <option value="true">Active</option>
                          <option value="false">Deactivated: can no longer sign in</option>
                        </select>
                      </Field>
                    )}
                    <SubmitButton>Save</SubmitButton>
                  </ActionForm>
                </DialogButton>
                {p.passwordIsCompanys && p.hasPassword && (
                  <DialogButton label="Reset password…" title={`Reset ${p.user.name}'s password?`} variant="ghost">
                    <p className="muted">
                      Their password is cleared and they are signed out everywhere. They are emailed a link to sign in
                      and can set a new password.
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
                )}
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
