import { z } from "zod";
import type { TBusinessHours } from "./weekdays";

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const ZBusinessHoursSchema = z.array(
  z.object({ day: z.number().int().min(1).max(7), opens: clockTime, closes: clockTime }),
);

// What the database holds, read defensively: a malformed value reads as always closed
// rather than breaking the page that shows it.
export function readBusinessHours(stored: unknown): TBusinessHours {
  const parsed = ZBusinessHoursSchema.safeParse(stored);
  return parsed.success ? parsed.data.sort((a, b) => a.day - b.day) : [];
}
