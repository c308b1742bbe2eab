import { formatInZone } from "@/lib/time/zones";

export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 7;

// No text between 21:00 and 07:00 on the site's clock: an email goes instead.
export function inQuietHours(at: Date, zone: string): boolean {
  const hour = Number(formatInZone(at, zone, "H"));
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}
