export const EXPIRING_SOON_DAYS = 30;
export type TAccreditationStanding = "valid" | "expiring" | "expired";

// How one accreditation stands today: expiring means within EXPIRING_SOON_DAYS, so the
// contractor has time to renew before work is blocked.
export function accreditationStanding(expiresAt: Date, now = new Date()): TAccreditationStanding {
  if (expiresAt <= now) return "expired";
  return expiresAt.getTime() - now.getTime() <= EXPIRING_SOON_DAYS * 86_400_000 ? "expiring" : "valid";
}
