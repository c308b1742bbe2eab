import { parseWallClock } from "./wall-clock";
import { occurrenceNote, readWallClock, type TWallClockReading } from "./wall-clock-reading";
import { zoneName } from "./zone-name";

// On the technician's phone every time is the site's: shown on its wall clock (the zone
// named when the phone's own clock says otherwise) and typed on it. A technician in
// London working a New York job reads "09:00 New York time", not 14:00.

// One formatter per zone (they are costly to make, and a list shows many times): its
// parts make "Tue 12 Jan 2027, 09:00", as the office's pages write a visit.
const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string, instant: Date): Record<string, string> {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: zone,
    });
    formatters.set(zone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
}

export const phoneZone = () => new Intl.DateTimeFormat().resolvedOptions().timeZone;

// Do the site's and the phone's clocks read the same at this moment?
function sameClock(instant: Date, zone: string, phone: string): boolean {
  if (zone === phone) return true;
  const wall = (z: string) => Object.values(partsIn(z, instant)).join("");
  return wall(zone) === wall(phone);
}

const named = (text: string, instant: Date, zone: string, phone: string) =>
  sameClock(instant, zone, phone) ? text : `${text} ${zoneName(zone)}`;

// "Mon 7 Dec, 09:00" (the year when it is not this one), "… New York time" when the
// phone is elsewhere. A copy of a task synced before sites carried a zone has none.
export function formatSiteTime(at: string | Date, siteZone: string | undefined, phone = phoneZone()): string {
  const zone = siteZone ?? phone;
  const instant = new Date(at);
  const p = partsIn(zone, instant);
  const year = p.year === partsIn(zone, new Date()).year ? "" : ` ${p.year}`;
  const text = named(`${p.weekday} ${p.day} ${p.month}${year}, ${p.hour}:${p.minute}`, instant, zone, phone);
  return `${text}${occurrenceNote(instant, zone)}`;
}

// A window a tenant can be there, or a visit: "Tue 8 Dec, 09:00–12:00" (the end's day too
// when it ends on another), the zone named when the phone's clock says otherwise.
export function formatSiteWindow(
  start: string | Date,
  end: string | Date,
  siteZone: string | undefined,
  phone = phoneZone(),
): string {
  const zone = siteZone ?? phone;
  const [from, until] = [new Date(start), new Date(end)];
  const thisYear = partsIn(zone, new Date()).year;
  const day = (p: Record<string, string>) =>
    `${p.weekday} ${p.day} ${p.month}${p.year === thisYear ? "" : ` ${p.year}`}`;
  const [a, b] = [partsIn(zone, from), partsIn(zone, until)];
  const endText = day(a) === day(b) ? `${b.hour}:${b.minute}` : `${day(b)}, ${b.hour}:${b.minute}`;
  return named(`${day(a)}, ${a.hour}:${a.minute}–${endText}`, from, zone, phone);
}

// "09:00", or "09:00 New York time".
export function formatSiteClock(at: string | Date, siteZone: string | undefined, phone = phoneZone()): string {
  const zone = siteZone ?? phone;
  const instant = new Date(at);
  const p = partsIn(zone, instant);
  return named(`${p.hour}:${p.minute}`, instant, zone, phone);
}

// The value of a datetime-local input showing `instant` on the site's clock.
const numericFormatters = new Map<string, Intl.DateTimeFormat>();
export function siteInputValue(instant: Date, zone: string): string {
  let formatter = numericFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: zone,
    });
    numericFormatters.set(zone, formatter);
  }
  const p = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

// What a datetime-local value typed on the site's clock means: one instant, none (the
// clocks skip it) or two (they pass it twice); null when it is not a date and time.
export function readSiteInput(value: string, zone: string): TWallClockReading | null {
  const clock = parseWallClock(value);
  return clock ? readWallClock(clock, zone) : null;
}
