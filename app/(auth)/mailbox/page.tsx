import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime } from "@/components/ui/format";
import { canReadMailbox } from "@/lib/email/mailbox-access";
import { listMailbox } from "@/lib/email/list-mailbox";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mailbox · Fieldgate", referrer: "no-referrer" };

function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="email-text">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} data-testid="email-link">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string; id?: string }> }) {
  if (!(await canReadMailbox())) notFound();
  const { to, id } = await searchParams;
  const emails = await listMailbox({ to: to || undefined });
  const open = emails.find((e) => e.id === id) ?? null;

  return (
    <div className="page-narrow">
      <header className="page-header">
        <h1>Mailbox</h1>
        <p className="muted">No email provider is configured, so every email Fieldgate sends is delivered here.</p>
        <form className="inline-form" action="/mailbox">
          <label htmlFor="to">Recipient</label>
          <input id="to" name="to" type="email" defaultValue={to} placeholder="anyone" />
          <button className="button button-secondary" type="submit">
            Filter
          </button>
          <Link href="/signin">Back to sign in</Link>
        </form>
      </header>
      <div className="mailbox">
        <ul className="mail-list" aria-label="Emails">
          {emails.length === 0 && <li className="muted">No emails yet.</li>}
          {emails.map((email) => (
            <li key={email.id} className={email.id === open?.id ? "selected" : undefined}>
              <Link href={`/mailbox?${new URLSearchParams({ ...(to ? { to } : {}), id: email.id })}`} data-testid="mail-item">
                <strong>{email.subject}</strong>
                <span>To {email.to}</span>
                <small>
                  {formatDateTime(email.createdAt)} · <StatusBadge status={email.state === "SENT" ? "COMPLETED" : email.state === "FAILED" ? "CANCELLED" : "ASSIGNED"} label={email.state.toLowerCase()} />
                </small>
              </Link>
            </li>
          ))}
        </ul>
        {open && (
          <article className="card mail-view" aria-label="Email">
            <h2>{open.subject}</h2>
            <p className="muted">
              To {open.to} · {formatDateTime(open.createdAt)} · {open.template} · {open.attempts} attempt(s){open.error ? ` · last error: ${open.error}` : ""}
            </p>
            <Linkified text={open.text} />
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
