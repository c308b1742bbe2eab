import { ActionForm, Field, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { DialogButton } from "@/components/ui/dialog";
import type { listSiteContacts } from "@/lib/contacts/site-contacts";

type TSiteContact = Awaited<ReturnType<typeof listSiteContacts>>[number];

const ROLE = { CUSTOMER: "Customer", OWNER: "Owner", TENANT: "Tenant" } as const;

// A site's people outside the organisation: its customers (a new work order names the
// first as its customer), owners and tenants.
export function SiteContactsPanel({
  siteId,
  contacts,
  actions,
}: {
  siteId: string;
  contacts: TSiteContact[];
  actions?: { add: TFormAction; remove: TFormAction };
}) {
  return (
    <section className="card" aria-labelledby="site-contacts-heading">
      <div className="card-heading">
        <h2 id="site-contacts-heading">Customers</h2>
        {actions && (
          <DialogButton label="Add a customer…" title="Add a customer to this site">
            <ActionForm action={actions.add} toast="Customer added." testId="site-contact-form">
              <input type="hidden" name="siteId" value={siteId} />
              <input type="hidden" name="role" value="CUSTOMER" />
              <Field name="name" label="Name" inputId="contact-name">
                <input id="contact-name" name="name" autoComplete="off" />
              </Field>
              <Field name="email" label="Email" inputId="contact-email">
                <input id="contact-email" name="email" type="email" autoComplete="off" />
              </Field>
              <div className="field-row">
                <Field name="mobile" label="Mobile (optional)" inputId="contact-mobile">
                  <input id="contact-mobile" name="mobile" type="tel" />
                </Field>
                <Field name="company" label="Company (optional)" inputId="contact-company">
                  <input id="contact-company" name="company" />
                </Field>
              </div>
              <SubmitButton>Add</SubmitButton>
            </ActionForm>
          </DialogButton>
        )}
      </div>
      {contacts.length === 0 ? (
        <p className="muted">No customer named yet: links can still be sent to any address.</p>
      ) : (
        <ul className="plain-list" aria-label="Customers of this site">
          {contacts.map(({ id, role, contact }) => (
            <li key={id}>
              <strong>{contact.name}</strong>
              {contact.company ? `, ${contact.company}` : ""} <small className="hint">{contact.email}</small>
              {contact.mobile ? <small className="hint"> · {contact.mobile}</small> : null}{" "}
              <span className="badge badge-neutral">{ROLE[role]}</span>
              {actions && (
                <ActionForm action={actions.remove} className="inline-form" toast="Removed from the site.">
                  <input type="hidden" name="siteContactId" value={id} />
                  <SubmitButton variant="secondary">Remove</SubmitButton>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
