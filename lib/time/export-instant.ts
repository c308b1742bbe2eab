import { formatInZone } from "./zones";

// An instant in an export, both ways a spreadsheet needs it: the calendar day it fell on
// in the organisation's zone ("2026-12-02", which filters and groups), and the exact
// moment as ISO 8601 with that zone's offset ("2026-12-02T07:00:00+11:00"). Calendar-day
// fields (a due date, an issue date) are not instants: they are written as stored.
export function exportDay(instant: Date | null | undefined, zone: string): string {
  return instant ? formatInZone(instant, zone, "yyyy-MM-dd") : "";
}

export function exportInstant(instant: Date | null | undefined, zone: string): string {
  return instant ? formatInZone(instant, zone, "yyyy-MM-dd'T'HH:mm:ssXXX") : "";
}

// A calendar day kept as midnight UTC of that day.
export function exportCalendarDay(day: Date | null | undefined): string {
  return day ? day.toISOString().slice(0, 10) : "";
}
