import "server-only";
import { invalidInput } from "@/lib/errors";
import { instantIn } from "@/lib/time/local-time";
import { parseCalendarDay } from "@/lib/time/wall-clock";
import type { TAvailabilityWindowInput } from "./schemas";

const MAX_DAYS_AHEAD = 90;

// The tenant's windows, typed on the site's clock, as instants. A time the clocks skip is
// refused beside its field; one they pass twice is read as the first. Each window must be
// ahead of now and within 90 days.
export function windowInstants(
  windows: TAvailabilityWindowInput[],
  zone: string,
  now: Date,
  listName = "windows",
): { startsAt: Date; endsAt: Date }[] {
  return windows.map((window, index) => {
    const day = parseCalendarDay(window.day)!;
    const at = (text: string, field: string) => {
      const [hour, minute] = text.split(":").map(Number);
      return instantIn(
        { kind: "local", clock: { ...day, hour, minute, second: 0 } },
        zone,
        "earlier",
        `${listName}.${index}.${field}`,
      );
    };
    const startsAt = at(window.from, "from");
    const endsAt = at(window.to, "to");
    if (endsAt <= now)
      throw invalidInput("Please correct the highlighted fields.", {
        [`${listName}.${index}.day`]: ["This time has passed: choose one ahead"],
      });
    if (startsAt.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000)
      throw invalidInput("Please correct the highlighted fields.", {
        [`${listName}.${index}.day`]: [`Choose a day within ${MAX_DAYS_AHEAD} days`],
      });
    return { startsAt, endsAt };
  });
}

// Whether a visit falls wholly inside one of the windows.
export const insideWindows = (visit: { startsAt: Date; endsAt: Date }, windows: { startsAt: Date; endsAt: Date }[]) =>
  windows.some((w) => w.startsAt <= visit.startsAt && visit.endsAt <= w.endsAt);
