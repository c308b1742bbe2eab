import { formatStamp } from "@/components/ui/format";
import { describeEvent, type TTimelineEvent } from "@/lib/timeline/describe-event";
import type { TReaderClock } from "@/lib/time/reader-zone";

// Work done offline reaches us later than it happened: past this, both times are shown.
const SYNCED_LATER_MS = 5 * 60_000;

export function Timeline({ events, clock }: { events: TTimelineEvent[]; clock: TReaderClock }) {
  return (
    <ol className="timeline" aria-label="Timeline">
      {events.map((event) => (
        <li key={event.id}>
          <strong>{event.actorLabel}</strong> {describeEvent(event, clock)}
          <time dateTime={event.occurredAt.toISOString()}>
            {formatStamp(event.occurredAt, clock)}
            {event.createdAt.getTime() - event.occurredAt.getTime() > SYNCED_LATER_MS &&
              ` · synced ${formatStamp(event.createdAt, clock)}`}
          </time>
        </li>
      ))}
    </ol>
  );
}
