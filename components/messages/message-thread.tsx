import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatStamp } from "@/components/ui/format";
import type { TReaderClock } from "@/lib/time/reader-zone";
import type { TAction } from "@/lib/actions/clients";

type TMessage = {
  id: string;
  body: string;
  createdAt: Date;
  organisationId: string;
  author: { name: string; memberships: { organisationId: string }[] };
};

// The client–contractor conversation on one task; each message is also emailed.
export function MessageThread({
  messages,
  assignmentId,
  post,
  canPost,
  clock,
}: {
  messages: TMessage[];
  assignmentId: string;
  post: TAction<unknown>;
  canPost: boolean;
  clock: TReaderClock;
}) {
  return (
    <section className="card" aria-label="Messages">
      <h2>Messages</h2>
      {messages.length === 0 && <p className="muted">No messages yet.</p>}
      <ol className="messages" data-testid="message-list">
        {messages.map((m) => {
          const fromClient = m.author.memberships.some((x) => x.organisationId === m.organisationId);
          return (
            <li key={m.id} className={fromClient ? "message from-client" : "message from-contractor"}>
              <p className="muted">
                <strong>{m.author.name}</strong> · {fromClient ? "client" : "contractor"} ·{" "}
                {formatStamp(m.createdAt, clock)}
              </p>
              <p className="prewrap">{m.body}</p>
            </li>
          );
        })}
      </ol>
      {canPost && (
        <ActionForm action={post} testId="message-form">
          <input type="hidden" name="assignmentId" value={assignmentId} />
          <Field name="body" label="Write a message (the other side is emailed)" inputId="message-body">
            <textarea id="message-body" name="body" rows={3} />
          </Field>
          <SubmitButton variant="secondary">Send message</SubmitButton>
        </ActionForm>
      )}
    </section>
  );
}
