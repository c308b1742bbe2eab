export const MAX_ENTRY_MINUTES = 24 * 60;

// A duration as people type it: "1:30" (hours and minutes) or "1.5" / "1,5" (hours), as
// whole minutes; null when it is neither. Decimal hours are read exactly (no float) and
// rounded to the nearest minute.
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(trimmed);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const hours = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(trimmed);
  if (!hours) return null;
  const fraction = hours[2] ?? "";
  // Hundredths of an hour × 60 / 100, rounded half up, in integers.
  const hundredths = Number(hours[1]) * 100 + Number(fraction.padEnd(2, "0"));
  return Math.floor((hundredths * 60 + 50) / 100);
}

// "1 h 30 min", "45 min", "2 h".
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
