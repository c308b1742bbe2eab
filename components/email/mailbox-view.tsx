import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { emailStatusWords } from "@/lib/statuses/status-words";
import { formatStamp } from "@/components/ui/format";
import { readReaderClock } from "@/lib/time/read-reader-clock";
import { listMailbox, readMailboxEmail } from "@/lib/email/list-mailbox";
import type { TMailboxAccess } from "@/lib/authz/mailbox";
import type { TTextSegment } from "@/lib/email/present-email";
import { isId } from "@/lib/ids";

function EmailText({ segments }: { segments: TTextSegment[] }) {
  return (
    <pre className="email-text">
      {segments.map((segment, i) => {
        if (segment.kind === "text") return segment.text;
        if (segment.kind === "link")
          return (
            <a key={i} href={segment.href} data-testid="email-link">
              {segment.href}
            </a>
          );
        return (
          <em key={i} className="hidden-link" data-testid="hidden-link">
            [{segment.reason}]
          </em>
        );
      })}
    </pre>
  );
}

// The mailbox where email stays when no provider sends it: inside the staff shell for the
// organisation's admins, on its own page for a demo's visitors. `path` is where it lives.
export async function MailboxView({
  access,
  path,
  to,
  id,
  back,
}: {
  access: TMailboxAccess;
  path: string;
  to?: string;
  id?: string;
  back?: { href: string; label: string };
}) {
  const [emails, open, clock] = await Promise.all([
    listMailbox(access, { to: to || undefined }),
    id && isId(id) ? readMailboxEmail(access, id) : null,
    readReaderClock("UTC"),
  ]);

  return (
    <div className="page-narrow">
      <header className="page-header">
        <h1>Mailbox</h1>
        {access.kind === "everything" ? (
          <p className="muted">
            Demo mode with no email provider: every email Fieldgate sends is delivered here, and its links work until
            they expire.
          </p>
        ) : (
          <p className="muted">
            No email provider is configured, so email sent on behalf of your organisation stays here instead of reaching
            anyone. Links are hidden: only their recipients may use them. Set <code>RESEND_API_KEY</code> to send email.
          </p>
        )}
        <form className="inline-form" action={path}>
          <label htmlFor="to">Recipient</label>
          <input id="to" name="to" type="email" defaultValue={to} placeholder="anyone" />
          <button className="button button-secondary" type="submit">
            Filter
          </button>
          {back && <Link href={back.href}>{back.label}</Link>}
        </form>
      </header>
      <div className="mailbox">
        <ul className="mail-list" aria-label="Emails">
          {emails.length === 0 && <li className="muted">No emails yet.</li>}
          {emails.map((email) => (
            <li key={email.id} className={email.id === open?.id ? "selected" : undefined}>
              <Link
                href={`${path}?${new URLSearchParams({ ...(to ? { to } : {}), id: email.id })}`}
                data-testid="mail-item"
              >
                <strong>{email.subject}</strong>
                <span>To {email.to}</span>
                <small>
                  {formatStamp(email.createdAt, clock)} · <StatusBadge words={emailStatusWords(email.state)} />
                </small>
              </Link>
            </li>
          ))}
        </ul>
        {open && (
          <article className="card mail-view" aria-label="Email">
            <h2>{open.subject}</h2>
            <p className="muted">
              To {open.to} · {formatStamp(open.createdAt, clock)} · {open.template} · {open.attempts} attempt(s)
              {open.error ? ` · last error: ${open.error}` : ""}
            </p>
            <EmailText segments={open.text} />
            <details>
              <summary>HTML version</summary>
              <iframe title="HTML version" sandbox="" srcDoc={open.html} className="email-html" />
            </details>
          </article>
        )}
      </div>
    </div>
  );
}
