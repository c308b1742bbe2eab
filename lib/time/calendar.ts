import { z } from "zod";

// Dates typed into forms and sent by devices, read strictly: a real calendar date (31
// February is refused, never moved to March) in a year the database and people can use.
// Shared by the server and the technician app's bundle, so nothing here is server-only.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

export type TCalendarDay = { year: number; month: number; day: number };
export type TWallClock = TCalendarDay & { hour: number; minute: number; second: number };

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDay({ year, month, day }: TCalendarDay): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

// "2027-06-30"
export function parseCalendarDay(text: string): TCalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDay(day) ? day : null;
}

// "2027-06-30T14:05" or "2027-06-30T14:05:09", as a datetime-local input sends it.
export function parseWallClock(text: string): TWallClock | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/.exec(text);
  if (!match) return null;
  const day = parseCalendarDay(match[1]);
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  if (!day || hour > 23 || minute > 59 || second > 59) return null;
  return { ...day, hour, minute, second };
}

// Until sites carry their own time zone, a typed time is read as UTC, the zone every page
// shows times in (components/ui/format.ts).
export function wallClockToInstant(clock: TWallClock): Date {
  return new Date(Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second));
}

export function calendarDayToInstant(day: TCalendarDay): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

const RANGE = `between ${MIN_YEAR} and ${MAX_YEAR}`;

// Form text read with `toInstant`; blank is "not given", anything unreadable gets `message`.
function strictDateText(toInstant: (text: string) => Date | null, message: string) {
  return z
    .string()
    .trim()
    .transform((text, context) => {
      if (!text) return undefined;
      const instant = toInstant(text);
      if (instant) return instant;
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    });
}

const required = (text: ReturnType<typeof strictDateText>, missing: string) => z.string({ error: missing }).pipe(text).pipe(z.date({ error: missing }));

// A date and time from a datetime-local input.
const dateTimeText = strictDateText((text) => {
  const clock = parseWallClock(text);
  return clock && wallClockToInstant(clock);
}, `Enter a real date and time ${RANGE}, like 2027-06-30 14:00`);

export const ZOptionalDateTimeSchema = dateTimeText.optional();
export const requiredDateTime = (missing: string) => required(dateTimeText, missing);

// A calendar day from a date input, kept as midnight UTC (the way dates are shown).
const calendarDayText = strictDateText((text) => {
  const day = parseCalendarDay(text);
  return day && calendarDayToInstant(day);
}, `Enter a real date ${RANGE}, like 2027-06-30`);

export const ZOptionalCalendarDaySchema = calendarDayText.optional();
export const requiredCalendarDay = (missing: string) => required(calendarDayText, missing);

// An instant a device recorded, ISO 8601 with its offset ("2027-06-30T14:05:09.123+01:00").
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export const ZDeviceInstantSchema = z.string().refine((text) => {
  const match = ISO_INSTANT.exec(text);
  if (!match || !parseWallClock(match[1])) return false;
  const year = new Date(text).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}, `Expected a real date and time ${RANGE}, with its offset (check the phone's clock)`);
