import type { TReaderClock } from "@/lib/time/reader-zone";
import { formatDayInZone, formatMoment } from "@/lib/time/zones";

export { formatCalendarDay } from "@/lib/time/zones";

// A moment, on the reader's clock (the zone named when the reader's zone is not known).
export const formatStamp = (value: Date | null | undefined, clock: TReaderClock) =>
  value ? formatMoment(value, clock.zone, clock.readerZone) : "—";
// The day a moment fell on, on the given zone's calendar.
export const formatDayIn = (value: Date | null | undefined, zone: string) =>
  value ? formatDayInZone(value, zone) : "—";
