import { notFound } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { requireDeskActor } from "@/lib/auth/session";
import { listCompanyProfiles } from "@/lib/contractors/list-company-profiles";
import { updateCompanyProfileAction } from "../actions";

export const metadata = { title: "Company profile · Fieldgate Desk" };

export default async function CompanyProfilePage() {
  const actor = await requireDeskActor("/desk/company/profile");
  const companies = await listCompanyProfiles(actor);
  if (companies.length === 0) notFound();
  return (
    <section className="page-narrow">
      <h1>Company profile</h1>
      <p className="muted">Your clients see these details in their contractor network.</p>
      {companies.map((company) =>
        company.canManage ? (
          <section key={company.id} className="card" aria-label={`Profile of ${company.name}`}>
            <ActionForm
              action={updateCompanyProfileAction}
              successMessage="Profile saved."
              testId={`profile-form-${company.id}`}
            >
              <input type="hidden" name="companyId" value={company.id} />
              <Field name="name" label="Company name" inputId={`${company.id}-name`}>
                <input id={`${company.id}-name`} name="name" defaultValue={company.name} />
              </Field>
              <Field name="email" label="Contact email" inputId={`${company.id}-email`}>
                <input id={`${company.id}-email`} name="email" type="email" defaultValue={company.email} />
              </Field>
              <Field name="phone" label="Phone" inputId={`${company.id}-phone`}>
                <input id={`${company.id}-phone`} name="phone" type="tel" defaultValue={company.phone ?? ""} />
              </Field>
              <Field name="address" label="Address" inputId={`${company.id}-address`}>
                <textarea id={`${company.id}-address`} name="address" rows={3} defaultValue={company.address ?? ""} />
              </Field>
              <Field
                name="techniciansSeeMessages"
                label="Technicians"
                inputId={`${company.id}-technicians-see-messages`}
              >
                <label className="checkbox">
                  <input
                    id={`${company.id}-technicians-see-messages`}
                    name="techniciansSeeMessages"
                    type="checkbox"
                    defaultChecked={company.techniciansSeeMessages}
                  />{" "}
                  Technicians read the messages with the client on the tasks they are assigned
                </label>
              </Field>
              <SubmitButton>Save profile</SubmitButton>
            </ActionForm>
          </section>
        ) : (
          <section key={company.id} className="card" aria-label={`Profile of ${company.name}`}>
            <h2>{company.name}</h2>
            <dl className="details">
              <dt>Contact email</dt>
              <dd>{company.email}</dd>
              <dt>Phone</dt>
              <dd>{company.phone ?? "—"}</dd>
              <dt>Address</dt>
              <dd className="prewrap">{company.address ?? "—"}</dd>
              <dt>Technicians</dt>
              <dd>
                {company.techniciansSeeMessages
                  ? "Read the messages with the client on their tasks"
                  : "Do not see the messages with the client"}
              </dd>
            </dl>
            <p className="muted">Only the company&apos;s admins can change these.</p>
          </section>
        ),
      )}
    </section>
  );
}
