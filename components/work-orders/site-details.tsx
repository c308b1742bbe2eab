type TSiteDetails = {
  site: { name: string; addressLine1: string; city: string; postcode: string; accessDetails: string | null };
  asset: { name: string; serialNumber: string | null } | null;
};

// Where the work is, as both the client and the contractor see it (inside a <dl>).
export function SiteDetails({ workOrder }: { workOrder: TSiteDetails }) {
  const { site, asset } = workOrder;
  return (
    <>
      <dt>Site</dt>
      <dd>
        {site.name}, {site.addressLine1}, {site.city} {site.postcode}
      </dd>
      <dt>Asset</dt>
      <dd>{asset ? `${asset.name}${asset.serialNumber ? ` (serial ${asset.serialNumber})` : ""}` : "—"}</dd>
      <dt>Access</dt>
      <dd>{site.accessDetails ?? "—"}</dd>
    </>
  );
}
