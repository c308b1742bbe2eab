import { ActionForm, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { formatStamp } from "@/components/ui/format";
import { TableScroll } from "@/components/ui/table-scroll";
import type { listPortalLinks } from "@/lib/portal/list-portal-links";
import { PORTAL_VIEW_WORDS } from "@/lib/portal/views";
import type { TReaderClock } from "@/lib/time/reader-zone";

type TLink = Awaited<ReturnType<typeof listPortalLinks>>[number];

// Every customer link of the work order: what it shows, to whom, when it was sent and
// opened, when it expires; withdraw one in one click, or send the same person a new one.
export function LinkList({
  links,
  clock,
  now,
  actions,
}: {
  links: TLink[];
  clock: TReaderClock;
  now: Date;
  actions?: { revoke: TFormAction; resend: TFormAction };
}) {
  if (links.length === 0) return <p className="muted">No link sent yet.</p>;
  return (
    <TableScroll label="Customer links">
      <table className="table" aria-label="Customer links" data-testid="portal-links">
        <thead>
          <tr>
            <th>Shows, to</th>
            <th>Sent, expires</th>
            <th>Opened</th>
            <th>State</th>
            {actions && <th aria-label="Actions" />}
          </tr>
        </thead>
        <tbody>
          {links.map((link) => {
            const state = link.revokedAt ? "Withdrawn" : link.expiresAt <= now ? "Expired" : "Live";
            return (
              <tr key={link.id} data-testid="portal-link-row">
                <td>
                  {PORTAL_VIEW_WORDS[link.view].label}
                  {link.ending && <small className="hint"> …{link.ending}</small>}
                  <br />
                  {link.recipientName ? `${link.recipientName} ` : ""}
                  <small className="hint">{link.email}</small>
                </td>
                <td>
                  {formatStamp(link.createdAt, clock)}
                  <br />
                  <small className="hint">until {formatStamp(link.expiresAt, clock)}</small>
                </td>
                <td>
                  {link.firstOpenedAt ? (
                    <>
                      first {formatStamp(link.firstOpenedAt, clock)}
                      <br />
                      <small className="hint">last {formatStamp(link.lastOpenedAt, clock)}</small>
                    </>
                  ) : (
                    "Not yet"
                  )}
                </td>
                <td>
                  <span
                    className={`badge ${state === "Live" ? "badge-success" : state === "Expired" ? "badge-neutral" : "badge-danger"}`}
                  >
                    {state}
                  </span>
                  {link.revokedAt && <small className="hint"> {formatStamp(link.revokedAt, clock)}</small>}
                </td>
                {actions && (
                  <td>
                    <div className="button-row">
                      {state === "Live" && (
                        <ActionForm action={actions.revoke} className="inline-form" toast="Link withdrawn.">
                          <input type="hidden" name="tokenId" value={link.id} />
                          <SubmitButton variant="danger">Withdraw</SubmitButton>
                        </ActionForm>
                      )}
                      <ActionForm
                        action={actions.resend}
                        className="inline-form"
                        toast={`A new link was sent to ${link.email}.`}
                      >
                        <input type="hidden" name="tokenId" value={link.id} />
                        <SubmitButton variant="secondary">Send a new link</SubmitButton>
                      </ActionForm>
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
