// The calendar arithmetic of dates typed into forms and sent by devices, read strictly: a
// real calendar date (31 February is refused, never moved to March) in a year the
// database and people can use. No dependencies, so the technician app's bundle shares it.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

export type TCalendarDay = { year: number; month: number; day: number };
export type TWallClock = TCalendarDay & { hour: number; minute: number; second: number };

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDay({ year, month, day }: TCalendarDay): boolean {
  return (
    year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
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

// An instant a device recorded, ISO 8601 with its offset ("2027-06-30T14:05:09.123+01:00").
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export function isDeviceInstant(text: string): boolean {
  const match = ISO_INSTANT.exec(text);
  if (!match || !parseWallClock(match[1])) return false;
  const year = new Date(text).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

export const YEAR_RANGE = `between ${MIN_YEAR} and ${MAX_YEAR}`;
