import { StandingBadge } from "@/components/accreditations/standing-badge";
import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { DialogButton } from "@/components/ui/dialog";
import { formatStamp } from "@/components/ui/format";
import { ListTable } from "@/components/ui/list-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { Tabs } from "@/components/ui/tabs";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { listNetwork } from "@/lib/contractors/list-network";
import { networkStandingWords } from "@/lib/statuses/status-words";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { inviteContractorAction } from "../actions";
import { linkCell } from "@/components/ui/list-cell";

export const metadata = { title: "Contractors · Fieldgate" };

// The network in one table; "accreditations=expiring" (the home's attention link) keeps
// the companies with an accreditation expired or about to.
export default async function ContractorsPage({
  searchParams,
}: {
  searchParams: Promise<{ accreditations?: string }>;
}) {
  const actor = await requireStaffActor("/staff/contractors");
  const expiringOnly = (await searchParams).accreditations === "expiring";
  const [network, clock] = await Promise.all([listNetwork(actor), readReaderClock(actor.organisationTimeZone)]);
  const lapsing = network.filter(
    (c) => c.accreditationStanding === "expired" || c.accreditationStanding === "expiring",
  );
  const rows = expiringOnly ? lapsing : network;
  return (
    <>
      <header className="page-header">
        <h1>Contractor network</h1>
        {staffCan(actor, "contractor.invite") && (
          <div className="actions">
            <DialogButton label="Invite a contractor…" title="Invite a contractor" variant="primary">
              <p className="muted">Their admin gets an email with a link that signs them in to the Desk.</p>
              <ActionForm
                action={inviteContractorAction}
                successMessage="Invited; their admin has been emailed a sign-in link."
                testId="invite-form"
              >
                <Field name="companyName" label="Company name">
                  <input id="companyName" name="companyName" />
                </Field>
                <Field name="adminName" label="Contact name">
                  <input id="adminName" name="adminName" />
                </Field>
                <Field name="adminEmail" label="Contact email">
                  <input id="adminEmail" name="adminEmail" type="email" />
                </Field>
                <SubmitButton>Invite</SubmitButton>
              </ActionForm>
            </DialogButton>
          </div>
        )}
      </header>
      <Tabs
        label="Contractors shown"
        tabs={[
          { href: "/staff/contractors", label: "All", current: !expiringOnly, count: network.length },
          {
            href: "/staff/contractors?accreditations=expiring",
            label: "Accreditations to renew",
            current: expiringOnly,
            count: lapsing.length,
          },
        ]}
      />
      <ListTable
        label="Contractors"
        rows={rows}
        rowKey={(c) => c.id}
        empty={
          expiringOnly
            ? { title: "Every accreditation is in date", text: "No contractor has one expired or expiring soon." }
            : {
                title: "No contractors yet",
                text: "Invite the first one: their admin gets an email with a sign-in link.",
              }
        }
        columns={[
          {
            key: "name",
            header: "Company",
            primary: true,
            clip: true,
            cell: (c) => linkCell(`/staff/contractors/${c.id}`, c.name),
          },
          {
            key: "standing",
            header: "Standing",
            cell: (c) => <StatusBadge words={networkStandingWords(c.standing)} />,
          },
          {
            key: "accreditations",
            header: "Accreditations",
            cell: (c) =>
              c.accreditationStanding ? (
                <StandingBadge standing={c.accreditationStanding} />
              ) : (
                <span className="muted">None recorded</span>
              ),
          },
          {
            key: "signIn",
            header: "Last signed in",
            className: "nowrap",
            cell: (c) => (c.lastSignInAt ? formatStamp(c.lastSignInAt, clock) : "Never"),
          },
          { key: "offered", header: "Tasks offered", className: "num", phone: false, cell: (c) => c.tasksOffered },
          {
            key: "accept",
            header: "Time to accept",
            className: "num",
            phone: false,
            cell: (c) => (c.averageHoursToAccept == null ? "—" : `${c.averageHoursToAccept.toFixed(1)} h`),
          },
          {
            key: "onTime",
            header: "On time",
            className: "num",
            phone: false,
            cell: (c) => (c.onTimeRate == null ? "—" : `${Math.round(c.onTimeRate * 100)}%`),
          },
        ]}
      />
    </>
  );
}
