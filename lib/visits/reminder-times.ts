import { TZDate } from "@date-fns/tz";
import { dayInZone } from "@/lib/time/zones";

export const MORNING_REMINDER_HOUR = 7;
export const DEFAULT_DAY_BEFORE_HOUR = 18;

export type TReminderKind = "DAY_BEFORE" | "MORNING";
export type TReminderTime = { kind: TReminderKind; dueAt: Date };

// The wall clock hour:00 on a calendar day (offset by `days`) in `zone`, as an instant. A
// time the clocks skip becomes the first one after the change (TZDate moves it forward).
function atHour(day: string, days: number, hour: number, zone: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(new TZDate(year, month - 1, date + days, hour, 0, 0, zone).getTime());
}

// When a visit's reminders go, on the site's clock: the day before at the organisation's
// hour and the morning of at 07:00. A visit starting before 07:00 gets only the day-before
// one; a reminder whose time has passed when the visit is booked is not sent (booked after
// the day-before hour: the morning one only), nor one that would come after the start.
export function reminderTimes(
  visit: { startsAt: Date; zone: string },
  dayBeforeHour: number,
  bookedAt: Date,
): TReminderTime[] {
  const day = dayInZone(visit.startsAt, visit.zone);
  const dayBefore = atHour(day, -1, dayBeforeHour, visit.zone);
  const morning = atHour(day, 0, MORNING_REMINDER_HOUR, visit.zone);
  const times: TReminderTime[] = [{ kind: "DAY_BEFORE", dueAt: dayBefore }];
  if (visit.startsAt.getTime() >= morning.getTime()) times.push({ kind: "MORNING", dueAt: morning });
  return times.filter((t) => t.dueAt > bookedAt && t.dueAt <= visit.startsAt);
}
