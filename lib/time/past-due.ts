import { dayInZone } from "./zones";

// A due date (a calendar day) has passed once that day is over on the calendar of the
// organisation that set it: a Sydney client's work due on the 3rd is overdue from
// midnight Sydney time, for its staff and its contractors alike.
// Put another way: the day it is there now comes after the due day (ISO days compare as
// text).
export function isPastDue(dueAt: Date | null, zone: string, asOf: Date): boolean {
  return dueAt !== null && dayInZone(asOf, zone) > dueAt.toISOString().slice(0, 10);
}
