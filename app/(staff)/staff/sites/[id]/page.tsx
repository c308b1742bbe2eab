import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { getSite } from "@/lib/sites/get-site";
import { createAssetAction } from "../../actions";
import { formatDayIn } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { ListTable } from "@/components/ui/list-table";
import { workOrderStatusWords } from "@/lib/statuses/status-words";
import { listWorkOrders } from "@/lib/work-orders/list-work-orders";
import { ZWorkOrderListSchema } from "@/lib/work-orders/schemas";
import { linkCell } from "@/components/ui/list-cell";
import { SiteContactsPanel } from "@/components/contacts/site-contacts-panel";
import { listSiteContacts } from "@/lib/contacts/site-contacts";
import { addSiteContactAction, removeSiteContactAction } from "./actions";

const SITE_WORK_ORDERS = 20;

export const metadata = { title: "Site · Fieldgate" };

export default async function SitePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffActor(`/staff/sites/${id}`);
  const site = await getSite(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [{ rows: workOrders, nextCursor }, contacts] = await Promise.all([
    listWorkOrders(actor, ZWorkOrderListSchema.parse({ site: site.id }), SITE_WORK_ORDERS),
    listSiteContacts(actor, site.id),
  ]);
  return (
    <div className="two-columns">
      <section>
        <p className="muted">
          <Link href="/staff/sites">Sites</Link>
        </p>
        <h1>{site.name}</h1>
        <dl className="details">
          <dt>Address</dt>
          <dd>{[site.addressLine1, site.addressLine2, site.city, site.postcode].filter(Boolean).join(", ")}</dd>
          <dt>Access</dt>
          <dd>{site.accessDetails ?? "—"}</dd>
          <dt>Contact</dt>
          <dd>{[site.contactName, site.contactPhone].filter(Boolean).join(", ") || "—"}</dd>
        </dl>
        <SiteContactsPanel
          siteId={site.id}
          contacts={contacts}
          actions={
            staffCan(actor, "site.write") ? { add: addSiteContactAction, remove: removeSiteContactAction } : undefined
          }
        />
        <h2>Assets</h2>
        <ListTable
          label="Assets"
          rows={site.assets}
          rowKey={(asset) => asset.id}
          empty={{ title: "No assets recorded at this site yet" }}
          columns={[
            { key: "name", header: "Name", primary: true, clip: true, cell: (asset) => asset.name },
            { key: "kind", header: "Kind", cell: (asset) => asset.kind ?? "—" },
            { key: "serial", header: "Serial number", cell: (asset) => asset.serialNumber ?? "—" },
            { key: "workOrders", header: "Work orders", className: "num", cell: (asset) => asset._count.workOrders },
          ]}
        />
        <h2>Work orders</h2>
        {workOrders.length === 0 ? (
          <p className="muted">No work orders at this site yet.</p>
        ) : (
          <>
            <ListTable
              label="Work orders at this site"
              rows={workOrders}
              rowKey={(wo) => wo.id}
              empty={{ title: "No work orders at this site yet" }}
              columns={[
                { key: "number", header: "#", className: "num-cell", phone: false, cell: (wo) => wo.number },
                {
                  key: "title",
                  header: "Title",
                  primary: true,
                  clip: true,
                  cell: (wo) => linkCell(`/staff/work-orders/${wo.id}`, wo.title),
                },
                {
                  key: "status",
                  header: "Status",
                  cell: (wo) => <StatusBadge words={workOrderStatusWords(wo.status)} />,
                },
                {
                  key: "created",
                  header: "Created",
                  className: "nowrap",
                  cell: (wo) => formatDayIn(wo.createdAt, actor.organisationTimeZone),
                },
              ]}
            />
            {nextCursor && <Link href={`/staff?site=${site.id}`}>All work orders at this site</Link>}
          </>
        )}
      </section>
      {staffCan(actor, "site.write") && (
        <section className="card">
          <h2>Add an asset</h2>
          <ActionForm action={createAssetAction} successMessage="Asset added." testId="asset-form">
            <input type="hidden" name="siteId" value={site.id} />
            <Field
              name="name"
              label="Name"
              hint="What the contractor will look for on site, e.g. Boiler 2 (plant room)."
            >
              <input id="name" name="name" required />
            </Field>
            <Field name="kind" label="Kind (optional)">
              <input id="kind" name="kind" placeholder="Boiler, air handling unit, lift…" />
            </Field>
            <Field name="serialNumber" label="Serial number (optional)">
              <input id="serialNumber" name="serialNumber" />
            </Field>
            <SubmitButton>Add asset</SubmitButton>
          </ActionForm>
        </section>
      )}
    </div>
  );
}
