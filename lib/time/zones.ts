import { TZDate, tzOffset } from "@date-fns/tz";
import { format } from "date-fns";
import type { TWallClock } from "./wall-clock";
import { zoneName } from "./zone-name";

export { zoneName };

// Time zones, through @date-fns/tz (IANA names, the platform's zone data): wall clocks
// read in a zone, and instants written in one. No offsets by hand.

export type TWallClockReading =
  | { kind: "exact"; instant: Date }
  // Inside a spring-forward gap: that local time never happens.
  | { kind: "nonexistent" }
  // Inside a fall-back overlap: it happens twice; `earlier` is the first occurrence.
  | { kind: "ambiguous"; earlier: Date; later: Date };

const MINUTE = 60_000;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Every instant whose wall clock in `zone` is `clock`: none, one or two.
export function readWallClock(clock: TWallClock, zone: string): TWallClockReading {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  // The zone's offsets a day either side cover any clock change at this moment.
  const offsets = new Set([
    tzOffset(zone, new Date(asUtc - 86_400_000)),
    tzOffset(zone, new Date(asUtc)),
    tzOffset(zone, new Date(asUtc + 86_400_000)),
  ]);
  const candidates = [...offsets]
    .map((offset) => new Date(asUtc - offset * MINUTE))
    .filter((instant) => tzOffset(zone, instant) * MINUTE === asUtc - instant.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  const unique = candidates.filter((c, i) => i === 0 || c.getTime() !== candidates[i - 1].getTime());
  if (unique.length === 0) return { kind: "nonexistent" };
  if (unique.length === 1) return { kind: "exact", instant: unique[0] };
  return { kind: "ambiguous", earlier: unique[0], later: unique[unique.length - 1] };
}

// An instant as a wall clock in `zone`, in date-fns's format tokens.
export function formatInZone(instant: Date, zone: string, pattern: string): string {
  return format(new TZDate(instant.getTime(), zone), pattern);
}

// "Tue 3 Mar 2026, 14:00", with the zone named ("14:00 New York time") when the reader's
// clock says otherwise.
export function formatVisit(instant: Date, zone: string, readerZone?: string | null): string {
  const text = formatInZone(instant, zone, "EEE d MMM yyyy, HH:mm");
  return readerZone && sameClock(instant, zone, readerZone) ? text : `${text} ${zoneName(zone)}`;
}

const sameClock = (instant: Date, a: string, b: string) => a === b || tzOffset(a, instant) === tzOffset(b, instant);

// The calendar day an instant falls on in `zone`, as "2026-03-08".
export function dayInZone(instant: Date, zone: string): string {
  return formatInZone(instant, zone, "yyyy-MM-dd");
}

// The first instant of a calendar day in `zone` (midnight, or the first minute that exists).
export function startOfDayInZone(day: string, zone: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new TZDate(year, month - 1, date, 0, 0, 0, zone);
}

// The first instant of the next calendar day: days are [start, next start).
export function startOfNextDayInZone(day: string, zone: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new TZDate(year, month - 1, date + 1, 0, 0, 0, zone);
}

// "3 Mar 2026, 14:00" for a moment (a message sent, an event recorded): in the reader's
// zone when known, otherwise in `zone` and named.
export function formatMoment(instant: Date, zone: string, readerZone?: string | null): string {
  const text = formatInZone(instant, zone, "d MMM yyyy, HH:mm");
  return readerZone && sameClock(instant, zone, readerZone) ? text : `${text} ${zoneName(zone)}`;
}

// Calendar days (a due date, a certificate's expiry) are stored as midnight UTC of that
// day, so they are read back in UTC: the same day for every reader.
const calendarDay = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
export const formatCalendarDay = (value: Date | null | undefined) => (value ? calendarDay.format(value) : "—");
