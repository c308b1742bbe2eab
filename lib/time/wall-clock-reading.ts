import { TZDate, tzOffset } from "@date-fns/tz";
import type { TWallClock } from "./wall-clock";

// A wall clock read in a zone, through @date-fns/tz's offsets (IANA names, the platform's
// zone data). Apart from zones.ts so the technician app carries only this.

export type TWallClockReading =
  | { kind: "exact"; instant: Date }
  // Inside a spring-forward gap: that local time never happens.
  | { kind: "nonexistent" }
  // Inside a fall-back overlap: it happens twice; `earlier` is the first occurrence.
  | { kind: "ambiguous"; earlier: Date; later: Date };

const MINUTE = 60_000;

// Every instant whose wall clock in `zone` is `clock`: none, one or two.
export function readWallClock(clock: TWallClock, zone: string): TWallClockReading {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  // The zone's offsets a day either side cover any clock change at this moment.
  const offsets = new Set([
    tzOffset(zone, new Date(asUtc - 86_400_000)),
    tzOffset(zone, new Date(asUtc)),
    tzOffset(zone, new Date(asUtc + 86_400_000)),
  ]);
  const candidates = [...offsets]
    .map((offset) => new Date(asUtc - offset * MINUTE))
    .filter((instant) => tzOffset(zone, instant) * MINUTE === asUtc - instant.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  const unique = candidates.filter((c, i) => i === 0 || c.getTime() !== candidates[i - 1].getTime());
  if (unique.length === 0) return { kind: "nonexistent" };
  if (unique.length === 1) return { kind: "exact", instant: unique[0] };
  return { kind: "ambiguous", earlier: unique[0], later: unique[unique.length - 1] };
}

// Which of the two it is, when the instant's wall clock in `zone` happens twice (the
// clocks going back); "" otherwise.
export function occurrenceNote(instant: Date, zone: string): string {
  // No clock change within the hours around it (nearly always): nothing to say.
  const around = 3 * 3_600_000;
  if (tzOffset(zone, new Date(instant.getTime() - around)) === tzOffset(zone, new Date(instant.getTime() + around)))
    return "";
  const wall = new TZDate(instant.getTime(), zone);
  const reading = readWallClock(
    {
      year: wall.getFullYear(),
      month: wall.getMonth() + 1,
      day: wall.getDate(),
      hour: wall.getHours(),
      minute: wall.getMinutes(),
      second: wall.getSeconds(),
    },
    zone,
  );
  if (reading.kind !== "ambiguous") return "";
  return reading.earlier.getTime() === instant.getTime() - instant.getMilliseconds()
    ? " (the earlier of the two, as the clocks go back)"
    : " (the later of the two, as the clocks go back)";
}
