import { ActionForm, SubmitButton, type TFormAction } from "@/components/ui/action-form";
import { formatStamp } from "@/components/ui/format";
import { StatusBadge } from "@/components/ui/status-badge";
import type { getQuoteRequest } from "@/lib/quotes/get-quote-request";
import { bidderStatusWords } from "@/lib/statuses/status-words";
import type { TReaderClock } from "@/lib/time/reader-zone";

type TInvitation = Awaited<ReturnType<typeof getQuoteRequest>>["invitations"][number];

// Everyone invited, with where each stands: first opened, answered (how many revisions,
// the latest when), declined with the reason; a new link for one while answers are open.
export function InviteePanel({
  invitations,
  clock,
  resend,
}: {
  invitations: TInvitation[];
  clock: TReaderClock;
  resend?: TFormAction;
}) {
  return (
    <ul className="plain-list invitee-list" data-testid="invitees">
      {invitations.map((invitation) => {
        const latest = invitation.revisions[0];
        return (
          <li key={invitation.id} data-testid="invitee">
            <strong>{invitation.bidder}</strong>
            {invitation.outside && <small className="hint"> outside supplier, {invitation.email}</small>}
            <br />
            <StatusBadge words={bidderStatusWords(invitation.status, !!latest)} />{" "}
            <small className="hint">
              {invitation.firstOpenedAt ? `Opened ${formatStamp(invitation.firstOpenedAt, clock)}` : "Not opened yet"}
              {latest &&
                ` · answered ${formatStamp(latest.submittedAt, clock)}${latest.number > 1 ? ` (revision ${latest.number})` : ""}`}
            </small>
            {invitation.declineReason && <p className="muted">“{invitation.declineReason}”</p>}
            {invitation.complianceOverride && (
              <p className="flag">Invited without the required documents, on a manager&apos;s decision.</p>
            )}
            {resend && invitation.status === "INVITED" && (
              <ActionForm action={resend} toast={`New link sent to ${invitation.bidder}.`} className="inline-form">
                <input type="hidden" name="invitationId" value={invitation.id} />
                <SubmitButton variant="secondary">Send a new link</SubmitButton>
              </ActionForm>
            )}
          </li>
        );
      })}
    </ul>
  );
}
