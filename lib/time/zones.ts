import { TZDate, tzOffset } from "@date-fns/tz";
import { format } from "date-fns";
import { zoneName } from "./zone-name";

export { zoneName };
import { occurrenceNote } from "./wall-clock-reading";

export { occurrenceNote, readWallClock } from "./wall-clock-reading";
export type { TWallClockReading } from "./wall-clock-reading";

// Time zones, through @date-fns/tz (IANA names, the platform's zone data): wall clocks
// read in a zone, and instants written in one. No offsets by hand.

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// An instant as a wall clock in `zone`, in date-fns's format tokens.
export function formatInZone(instant: Date, zone: string, pattern: string): string {
  return format(new TZDate(instant.getTime(), zone), pattern);
}

// "Tue 3 Mar 2026, 14:00", with the zone named ("14:00 New York time") when the reader's
// clock says otherwise.
// A wall clock the clocks pass twice says which time it is.
export function formatVisit(instant: Date, zone: string, readerZone?: string | null): string {
  const text = formatInZone(instant, zone, "EEE d MMM yyyy, HH:mm");
  const named = readerZone && sameClock(instant, zone, readerZone) ? text : `${text} ${zoneName(zone)}`;
  return `${named}${occurrenceNote(instant, zone)}`;
}

const sameClock = (instant: Date, a: string, b: string) => a === b || tzOffset(a, instant) === tzOffset(b, instant);

// The calendar date an instant falls on in `zone`, from the platform's zone data. A list
// page reads one per row, so each zone's formatter is made once (making one costs far more
// than using it) and the text is put together here rather than by a format pattern.
const calendarFormatters = new Map<string, Intl.DateTimeFormat>();
function calendarDate(instant: Date, zone: string): { year: number; month: number; day: number } {
  let formatter = calendarFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone: zone, year: "numeric", month: "numeric", day: "numeric" });
    calendarFormatters.set(zone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const twoDigits = (n: number) => String(n).padStart(2, "0");

// The calendar day an instant falls on in `zone`, as "2026-03-08".
export function dayInZone(instant: Date, zone: string): string {
  const { year, month, day } = calendarDate(instant, zone);
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

// The same day as people read it: "8 Mar 2026" (date-fns's "d MMM yyyy").
export function formatDayInZone(instant: Date, zone: string): string {
  const { year, month, day } = calendarDate(instant, zone);
  return `${day} ${MONTHS[month - 1]} ${year}`;
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

// "Tue 3 Mar 2026, 14:00–16:00" on the zone's clock, the zone named unless the reader's
// clock reads the same; an end on another day is given in full.
export function formatTimeWindow(start: Date, end: Date, zone: string, readerZone?: string | null): string {
  const sameDay = dayInZone(start, zone) === dayInZone(end, zone);
  const text = `${formatInZone(start, zone, "EEE d MMM yyyy, HH:mm")}–${formatInZone(end, zone, sameDay ? "HH:mm" : "EEE d MMM yyyy, HH:mm")}`;
  return readerZone && sameClock(start, zone, readerZone) ? text : `${text} ${zoneName(zone)}`;
}
