// The moment of a tap on the phone, by the phone's clock, unless that clock runs ahead of
// ours: nothing done on site is dated in the future.
export function tappedAt(deviceAt: string, now: Date): Date {
  const tapped = new Date(deviceAt);
  return tapped < now ? tapped : now;
}
