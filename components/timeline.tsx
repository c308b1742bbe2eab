import { formatStamp } from "@/components/ui/format";
import { describeEvent, type TTimelineEvent } from "@/lib/timeline/describe-event";
import type { TReaderClock } from "@/lib/time/reader-zone";

export function Timeline({ events, clock }: { events: TTimelineEvent[]; clock: TReaderClock }) {
  return (
    <ol className="timeline" aria-label="Timeline">
      {events.map((event) => (
        <li key={event.id}>
          <strong>{event.actorLabel}</strong> {describeEvent(event, clock)}
          <time dateTime={event.createdAt.toISOString()}>{formatStamp(event.createdAt, clock)}</time>
        </li>
      ))}
    </ol>
  );
}
