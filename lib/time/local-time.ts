import "server-only";
import { invalidInput } from "@/lib/errors";
import type { TLocalDateTime } from "./calendar";
import { formatInZone, readWallClock, zoneName } from "./zones";

export type TOccurrence = "earlier" | "later";

// A time typed as a wall clock, read in the zone it belongs to. A time the clocks skip is
// refused; one they pass twice needs `occurrence`, else the person is asked which. Field
// errors name `field` (and `occurrence`), so the form shows them in place.
export function instantIn(
  local: TLocalDateTime,
  zone: string,
  occurrence: TOccurrence | undefined,
  field: string,
): Date {
  const reading = readWallClock(local.clock, zone);
  const { hour, minute } = local.clock;
  const time = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  const day = (instant: Date) => formatInZone(instant, zone, "EEE d MMM yyyy");
  switch (reading.kind) {
    case "exact":
      return reading.instant;
    case "nonexistent": {
      const noon = readWallClock({ ...local.clock, hour: 12, minute: 0, second: 0 }, zone);
      const on = noon.kind === "exact" ? ` on ${day(noon.instant)}` : "";
      throw invalidInput("Please correct the highlighted fields.", {
        [field]: [`${time}${on} does not exist in ${zoneName(zone)}: the clocks go forward. Choose another time.`],
      });
    }
    case "ambiguous":
      if (occurrence) return occurrence === "earlier" ? reading.earlier : reading.later;
      throw invalidInput("Please correct the highlighted fields.", {
        [field]: [
          `${time} on ${day(reading.earlier)} happens twice in ${zoneName(zone)}: the clocks go back. Choose which below.`,
        ],
        occurrence: ["Choose the first or the second time"],
      });
  }
}
