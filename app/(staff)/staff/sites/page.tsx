import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { requireStaffActor } from "@/lib/auth/session";
import { listSites } from "@/lib/sites/list-sites";
import { createSiteAction } from "../actions";
import { ListTable } from "@/components/ui/list-table";
import { linkCell } from "@/components/ui/list-cell";

export const metadata = { title: "Sites · Fieldgate" };

const TIME_ZONES = Intl.supportedValuesOf("timeZone");

export default async function SitesPage() {
  const actor = await requireStaffActor("/staff/sites");
  const sites = await listSites(actor);
  return (
    <div className="two-columns">
      <section>
        <h1>Sites</h1>
        <ListTable
          label="Sites"
          rows={sites}
          rowKey={(site) => site.id}
          empty={{ title: "No sites yet", text: "Add the first site where work is done." }}
          columns={[
            {
              key: "name",
              header: "Name",
              primary: true,
              cell: (site) => linkCell(`/staff/sites/${site.id}`, site.name),
            },
            {
              key: "address",
              header: "Address",
              cell: (site) => `${site.addressLine1}, ${site.city} ${site.postcode}`,
            },
            { key: "workOrders", header: "Work orders", className: "num", cell: (site) => site._count.workOrders },
          ]}
        />
      </section>
      <section className="card">
        <h2>Add a site</h2>
        <ActionForm action={createSiteAction} successMessage="Site added." testId="site-form">
          <Field name="name" label="Name">
            <input id="name" name="name" required />
          </Field>
          <Field name="addressLine1" label="Street address">
            <input id="addressLine1" name="addressLine1" required />
          </Field>
          <Field name="addressLine2" label="Address line 2 (optional)">
            <input id="addressLine2" name="addressLine2" />
          </Field>
          <Field name="city" label="Town or city">
            <input id="city" name="city" required />
          </Field>
          <Field name="postcode" label="Postcode">
            <input id="postcode" name="postcode" required />
          </Field>
          <Field name="timezone" label="Time zone" hint="Visits at this site are entered and shown in its time zone.">
            <select id="timezone" name="timezone" defaultValue="">
              <option value="">The organisation&apos;s time zone</option>
              {TIME_ZONES.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, " ")}
                </option>
              ))}
            </select>
          </Field>
          <Field
            name="accessDetails"
            label="Access details"
            hint="Key safe codes, parking, who to report to. Shown to the contractor."
          >
            <textarea id="accessDetails" name="accessDetails" rows={3} />
          </Field>
          <Field name="contactName" label="Site contact (optional)">
            <input id="contactName" name="contactName" />
          </Field>
          <Field name="contactPhone" label="Contact phone (optional)">
            <input id="contactPhone" name="contactPhone" type="tel" />
          </Field>
          <SubmitButton>Add site</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}
