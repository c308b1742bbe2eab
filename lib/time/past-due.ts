import { dayInZone } from "./zones";

// A due date (a calendar day) has passed once that day is over on the calendar of the
// organisation that set it: a Sydney client's work due on the 3rd is overdue from
// midnight Sydney time, for its staff and its contractors alike.
// Put another way: the day it is there now comes after the due day (ISO days compare as
// text).
export function isPastDue(dueAt: Date | null, zone: string, asOf: Date): boolean {
  return dueAt !== null && dayInZone(asOf, zone) > dueAt.toISOString().slice(0, 10);
}

// The same judge for a list's rows at one moment: each zone's day is worked out once, not
// once per row.
export function pastDueAsOf(asOf: Date): (dueAt: Date | null, zone: string) => boolean {
  const today = new Map<string, string>();
  return (dueAt, zone) => {
    if (dueAt === null) return false;
    let day = today.get(zone);
    if (day === undefined) today.set(zone, (day = dayInZone(asOf, zone)));
    return day > dueAt.toISOString().slice(0, 10);
  };
}
