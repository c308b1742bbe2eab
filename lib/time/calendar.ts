import { z } from "zod";
import { parseCalendarDay, parseWallClock, YEAR_RANGE, type TCalendarDay, type TWallClock } from "./wall-clock";

// The form schemas for dates; lib/time/wall-clock.ts does the reading.
export {
  daysInMonth,
  MAX_YEAR,
  MIN_YEAR,
  parseCalendarDay,
  parseWallClock,
  type TCalendarDay,
  type TWallClock,
} from "./wall-clock";

// Until sites carry their own time zone, a typed time is read as UTC, the zone every page
// shows times in (components/ui/format.ts).
export function wallClockToInstant(clock: TWallClock): Date {
  return new Date(Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second));
}

export function calendarDayToInstant(day: TCalendarDay): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

const RANGE = YEAR_RANGE;

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

const required = (text: ReturnType<typeof strictDateText>, missing: string) =>
  z
    .string({ error: missing })
    .pipe(text)
    .pipe(z.date({ error: missing }));

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

// A date and time from a datetime-local input, kept as the wall clock it says: the server
// reads it in the zone it belongs to (a visit: its site's) with lib/time/local-time.ts.
export type TLocalDateTime = { kind: "local"; clock: TWallClock };
// What domain functions take: an exact instant (from code) or a wall clock (from a form).
export type TTimeInput = Date | TLocalDateTime;

const localDateTimeText = z
  .string()
  .trim()
  .transform((text, context): TLocalDateTime | undefined => {
    if (!text) return undefined;
    const clock = parseWallClock(text);
    if (clock) return { kind: "local", clock };
    context.addIssue({ code: "custom", message: `Enter a real date and time ${RANGE}, like 2027-06-30 14:00` });
    return z.NEVER;
  });

export const ZOptionalLocalDateTimeSchema = localDateTimeText.optional();
export const requiredLocalDateTime = (missing: string) =>
  z
    .string({ error: missing })
    .pipe(localDateTimeText)
    .refine((v): v is TLocalDateTime => v !== undefined, missing);

// Which of the two, when a local time happens twice as the clocks go back.
export const ZOccurrenceSchema = z
  .enum(["", "earlier", "later"])
  .optional()
  .transform((v) => v || undefined);
