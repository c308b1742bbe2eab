import { ActionForm, Field, SubmitButton } from "@/components/ui/action-form";
import { formatStamp } from "@/components/ui/format";
import type { TAction } from "@/lib/actions/clients";
import { describeEvent, type TTimelineEvent } from "@/lib/timeline/describe-event";
import type { TReaderClock } from "@/lib/time/reader-zone";

export type TFeedMessage = {
  id: string;
  body: string;
  createdAt: Date;
  organisationId: string;
  author: { name: string; memberships: { organisationId: string }[] };
};

// Work done offline reaches us later than it happened: past this, both times are shown.
const SYNCED_LATER_MS = 5 * 60_000;

type TEntry = { at: Date; key: string } & (
  { kind: "message"; message: TFeedMessage } | { kind: "event"; event: TTimelineEvent }
);

// What happened on a record and what was said about it, in one list, newest first, with
// the composer above it. A message is also a timeline event ("wrote: …"): the feed shows
// the message itself, once.
export function ActivityFeed({
  events,
  messages,
  composer,
  clock,
}: {
  events: TTimelineEvent[];
  messages: TFeedMessage[];
  composer?: { assignmentId: string; post: TAction<unknown> };
  clock: TReaderClock;
}) {
  const entries: TEntry[] = [
    ...messages.map((message) => ({ kind: "message" as const, message, at: message.createdAt, key: `m${message.id}` })),
    ...events
      .filter((event) => event.type !== "message.posted")
      .map((event) => ({ kind: "event" as const, event, at: event.occurredAt, key: `e${event.id}` })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());

  return (
    <section aria-label="Activity" className="activity">
      {composer && (
        <ActionForm action={composer.post} testId="message-form" className="form composer">
          <input type="hidden" name="assignmentId" value={composer.assignmentId} />
          <Field name="body" label="Message (the other side is emailed)" inputId="message-body">
            <textarea id="message-body" name="body" rows={2} />
          </Field>
          <SubmitButton variant="secondary">Send message</SubmitButton>
        </ActionForm>
      )}
      {entries.length === 0 && <p className="muted">Nothing has happened yet.</p>}
      <ol className="activity-feed" aria-label="Activity">
        {entries.map((entry) =>
          entry.kind === "message" ? (
            <MessageEntry key={entry.key} message={entry.message} clock={clock} />
          ) : (
            <li key={entry.key} className="activity-event">
              <strong>{entry.event.actorLabel}</strong> {describeEvent(entry.event, clock)}
              <time dateTime={entry.event.occurredAt.toISOString()}>
                {formatStamp(entry.event.occurredAt, clock)}
                {entry.event.createdAt.getTime() - entry.event.occurredAt.getTime() > SYNCED_LATER_MS &&
                  ` · synced ${formatStamp(entry.event.createdAt, clock)}`}
              </time>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

function MessageEntry({ message, clock }: { message: TFeedMessage; clock: TReaderClock }) {
  const fromClient = message.author.memberships.some((x) => x.organisationId === message.organisationId);
  return (
    <li className={`activity-message ${fromClient ? "from-client" : "from-contractor"}`} data-testid="message">
      <p className="activity-meta">
        <strong>{message.author.name}</strong> · {fromClient ? "client" : "contractor"} ·{" "}
        <time dateTime={message.createdAt.toISOString()}>{formatStamp(message.createdAt, clock)}</time>
      </p>
      <p className="prewrap">{message.body}</p>
    </li>
  );
}
