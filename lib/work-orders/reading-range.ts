// A reading outside the range the procedure allows is flagged, on the phone and in review.
export function isOutOfRange(
  step: { minValue: number | null; maxValue: number | null },
  reading: number | null,
): boolean {
  if (reading === null) return false;
  return (step.minValue !== null && reading < step.minValue) || (step.maxValue !== null && reading > step.maxValue);
}
