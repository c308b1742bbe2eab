import { startOfNextDayInZone } from "./zones";

// A due date (a calendar day) has passed once that day is over on the calendar of the
// organisation that set it: a Sydney client's work due on the 3rd is overdue from
// midnight Sydney time, for its staff and its contractors alike.
export function isPastDue(dueAt: Date | null, zone: string, asOf: Date): boolean {
  return dueAt !== null && startOfNextDayInZone(dueAt.toISOString().slice(0, 10), zone) <= asOf;
}
